package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.processing.ReadModels;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTest extends QuerySideTest {

    @Test
    void reset_and_full_replay_rebuild_identical_tables() {
        String asset = uniqueAsset("RPL");
        Instant t0 = Instant.now().minusSeconds(600);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "10", "0.01", t0);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.SELL, "3", "11", "0.02", t0.plusSeconds(1));
        report(asset, PositionMode.ONE_WAY, 0, "-2", "11", "12", "-2", "0.97", 1, t0.plusSeconds(2));
        fill(asset, PositionMode.HEDGE, 1, asset + "-3", Side.BUY, "1", "10", "0", t0.plusSeconds(3));
        fill(asset, PositionMode.HEDGE, 1, asset + "-4", Side.SELL, "1", "10", "0", t0.plusSeconds(4));
        fill(asset, PositionMode.HEDGE, 2, asset + "-5", Side.SELL, "2", "12", "0.01", t0.plusSeconds(5));
        fill(asset, PositionMode.HEDGE, 1, asset + "-6", Side.BUY, "1", "11", "0", t0.plusSeconds(6));
        report(asset, PositionMode.HEDGE, 2, "-2", "12", "11.5", "1", "-0.01", 9, t0.plusSeconds(7));
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-7", "order-" + asset + "-7",
                Side.BUY, new BigDecimal("2"), new BigDecimal("13"), new BigDecimal("0.0001"), t0.plusSeconds(8), null,
                "BTC", CloseReason.LIQUIDATED));
        awaitProjections();
        Map<String, List<Map<String, Object>>> before = tables();
        assertThat(before.get("positions")).isNotEmpty();
        assertThat(before.get("position_orders")).isNotEmpty();
        assertThat(before.get("position_snapshots")).isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT close_reason FROM positions WHERE asset = ? AND mode = 'one-way'",
                String.class, asset)).as("the one-way position was liquidated").isEqualTo("liquidated");

        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitProjections();

        Map<String, List<Map<String, Object>>> after = tables();
        assertThat(after.get("positions")).containsExactlyElementsOf(before.get("positions"));
        assertThat(after.get("position_orders")).containsExactlyElementsOf(before.get("position_orders"));
        assertThat(after.get("position_snapshots")).containsExactlyElementsOf(before.get("position_snapshots"));
    }

    private Map<String, List<Map<String, Object>>> tables() {
        return Map.of(
                "positions", jdbc.queryForList("SELECT * FROM positions ORDER BY id"),
                "position_orders", jdbc.queryForList("SELECT * FROM position_orders ORDER BY id"),
                "position_snapshots", jdbc.queryForList(
                        "SELECT id, position_id, asset, mode, snapshot_data::text AS data, created_at "
                                + "FROM position_snapshots ORDER BY id"));
    }
}
