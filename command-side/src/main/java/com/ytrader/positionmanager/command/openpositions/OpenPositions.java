package com.ytrader.positionmanager.command.openpositions;

import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The positions that are open now, and when their mark price was quoted, as the periodic tasks need to know them. */
@Component
@ProcessingGroup(OpenPositions.PROCESSING_GROUP)
public class OpenPositions {

    static final String PROCESSING_GROUP = "command-open-positions";

    private static final RowMapper<OpenPosition> ROW = (row, number) -> new OpenPosition(row.getString("asset"),
            PositionMode.fromWireName(row.getString("mode")));

    private final JdbcTemplate jdbc;

    OpenPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record OpenPosition(String asset, PositionMode mode) {
    }

    public List<OpenPosition> all() {
        return jdbc.query("SELECT asset, mode FROM command_open_positions ORDER BY position_id", ROW);
    }

    /** The open positions without a mark price quoted after {@code since}. */
    public List<OpenPosition> pricedBefore(Instant since) {
        return jdbc.query("SELECT asset, mode FROM command_open_positions WHERE price_at IS NULL OR price_at < ? "
                + "ORDER BY position_id", ROW, Timestamp.from(since));
    }

    @EventHandler
    void on(PositionOpened event) {
        jdbc.update("INSERT INTO command_open_positions (position_id, asset, mode) VALUES (?, ?, ?) "
                + "ON CONFLICT (position_id) DO NOTHING", event.positionId(), event.asset(), event.mode().wireName());
    }

    @EventHandler
    void on(ExchangeReportApplied event) {
        if (event.markPrice() != null) {
            pricedAt(event.positionId(), event.updatedTime());
        }
    }

    @EventHandler
    void on(MarkPriceUpdated event) {
        pricedAt(event.positionId(), event.priceTime());
    }

    @EventHandler
    void on(PositionClosed event) {
        jdbc.update("DELETE FROM command_open_positions WHERE position_id = ?", event.positionId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM command_open_positions");
    }

    private void pricedAt(String positionId, Instant quotedAt) {
        jdbc.update("UPDATE command_open_positions SET price_at = GREATEST(price_at, ?) WHERE position_id = ?",
                Timestamp.from(quotedAt), positionId);
    }
}
