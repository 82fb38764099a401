package com.ytrader.positionmanager.command.openpositions;

import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The positions that are open now, as the periodic tasks need to know them. */
@Component
@ProcessingGroup(OpenPositions.PROCESSING_GROUP)
public class OpenPositions {

    static final String PROCESSING_GROUP = "command-open-positions";

    private final JdbcTemplate jdbc;

    OpenPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record OpenPosition(String asset, PositionMode mode) {
    }

    public List<OpenPosition> all() {
        return jdbc.query("SELECT asset, mode FROM command_open_positions ORDER BY position_id",
                (row, number) -> new OpenPosition(row.getString("asset"),
                        PositionMode.fromWireName(row.getString("mode"))));
    }

    @EventHandler
    void on(PositionOpened event) {
        jdbc.update("INSERT INTO command_open_positions (position_id, asset, mode) VALUES (?, ?, ?) "
                + "ON CONFLICT (position_id) DO NOTHING", event.positionId(), event.asset(), event.mode().wireName());
    }

    @EventHandler
    void on(PositionClosed event) {
        jdbc.update("DELETE FROM command_open_positions WHERE position_id = ?", event.positionId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM command_open_positions");
    }
}
