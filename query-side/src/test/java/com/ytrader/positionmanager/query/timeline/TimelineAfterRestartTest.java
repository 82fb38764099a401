package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.ytrader.positionmanager.events.PositionMode.ONE_WAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline does not copy an event's figures: a position whose last row is no longer in memory (a restart, more
 * positions than are held) carries forward the figures of the event that row points to, read from the event store.
 */
class TimelineAfterRestartTest extends QuerySideTest {

    private static final String COLUMNS = "size, average_entry_price, current_price, unrealized_pnl, realized_pnl, "
            + "long_size, short_size, entry_notional, version, created_at, opened_at, last_updated";

    @Autowired
    private TimelineProjection projection;

    @Test
    void an_event_without_figures_after_a_restart_carries_forward_the_figures_of_the_event_store() {
        String asset = uniqueAsset("TRS");
        Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
        fill(asset, ONE_WAY, null, asset + "-1", Side.BUY, "2", "100", "0", t0);
        report(asset, ONE_WAY, 0, "2", "100", "101", "2", "0", 5, t0.plusSeconds(10));
        awaitProjections();

        projection.forgetPositions();
        // an older exchange report than the one applied: ignored, an event that carries no figures
        report(asset, ONE_WAY, 0, "7", "90", "95", "0", "0", 4, t0.plusSeconds(20));
        awaitProjections();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT event_type, sequence_number, figures_sequence, "
                + COLUMNS + " FROM position_timeline WHERE position_id = ? ORDER BY sequence_number",
                asset + ":one-way");
        Map<String, Object> reported = rows.get(rows.size() - 2);
        Map<String, Object> ignored = rows.get(rows.size() - 1);
        assertThat(reported.get("event_type")).isEqualTo("ExchangeReportApplied");
        assertThat(ignored.get("event_type")).isEqualTo("StaleExchangeReportIgnored");
        assertThat(ignored.get("figures_sequence")).isEqualTo(reported.get("sequence_number"));
        for (String column : COLUMNS.split(", ")) {
            assertThat(ignored.get(column)).as(column).isEqualTo(reported.get(column));
        }
        assertDecimal(asOf(asset, Instant.now()).body().get("size"), "2");
        assertDecimal(asOf(asset, Instant.now()).body().get("current_price"), "101");
    }
}
