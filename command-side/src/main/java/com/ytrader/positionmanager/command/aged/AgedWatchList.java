package com.ytrader.positionmanager.command.aged;

import com.ytrader.positionmanager.events.AgedCloseFailed;
import com.ytrader.positionmanager.events.AgedCloseRequested;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.AgedPositionClosed;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * The aged legs whose price is watched: from their detection until a close request is made for them, or they
 * close. A leg waiting for its request's fill is not watched: the saga retries by its deadline, whatever the price.
 */
@Component
@ProcessingGroup(AgedWatchList.PROCESSING_GROUP)
@ConditionalOnProperty(name = "position-manager.aged.enabled", havingValue = "true", matchIfMissing = true)
public class AgedWatchList {

    static final String PROCESSING_GROUP = "command-aged-watch";

    private final JdbcTemplate jdbc;

    AgedWatchList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One watched leg, as the aged rules need it to tell whether a price matters. */
    record WatchedLeg(String asset, PositionMode mode, AgedPhase phase, boolean isLong, BigDecimal entryPrice,
                      BigDecimal targetPrice) {
    }

    List<WatchedLeg> of(Collection<String> assets) {
        if (assets.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT asset, mode, phase, is_long, entry_price, target_price FROM command_aged_watch "
                        + "WHERE asset = ANY (?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar",
                        assets.toArray())),
                (row, number) -> new WatchedLeg(row.getString("asset"), PositionMode.fromWireName(row.getString("mode")),
                        AgedPhase.fromWireName(row.getString("phase")), row.getBoolean("is_long"),
                        row.getBigDecimal("entry_price"), row.getBigDecimal("target_price")));
    }

    @EventHandler
    void on(AgedPhaseChanged change) {
        jdbc.update("INSERT INTO command_aged_watch (position_id, position_idx, asset, mode, phase, is_long, "
                        + "entry_price, target_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (position_id, "
                        + "position_idx) DO UPDATE SET phase = EXCLUDED.phase, entry_price = EXCLUDED.entry_price, "
                        + "target_price = EXCLUDED.target_price, is_long = EXCLUDED.is_long",
                change.positionId(), change.positionIdx(), change.asset(), change.mode().wireName(),
                change.to().wireName(), change.side() == Side.BUY,
                change.entryPrice(), change.targetPrice());
    }

    @EventHandler
    void on(AgedCloseRequested request) {
        unwatch(request.positionId(), request.positionIdx());
    }

    @EventHandler
    void on(AgedPositionClosed closed) {
        unwatch(closed.positionId(), closed.positionIdx());
    }

    @EventHandler
    void on(AgedCloseFailed failed) {
        unwatch(failed.positionId(), failed.positionIdx());
    }

    @EventHandler
    void on(PositionClosed closed) {
        jdbc.update("DELETE FROM command_aged_watch WHERE position_id = ?", closed.positionId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM command_aged_watch");
    }

    private void unwatch(String positionId, int positionIdx) {
        jdbc.update("DELETE FROM command_aged_watch WHERE position_id = ? AND position_idx = ?", positionId,
                positionIdx);
    }
}
