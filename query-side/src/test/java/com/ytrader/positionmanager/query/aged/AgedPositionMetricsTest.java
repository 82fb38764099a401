package com.ytrader.positionmanager.query.aged;

import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AgedPositionMetricsTest extends AgedTestSupport {

    private static final List<String> STATUSES = List.of("detected", "grace_pending", "grace_active",
            "progressive_active", "closed", "error");

    @Test
    void the_gauge_counts_the_aged_entries_of_each_status_as_the_table_holds_them() {
        Map<String, Long> before = scrape();
        Instant now = Instant.now();
        Leg first = openLeg(uniqueAsset("AMA"), PositionMode.ONE_WAY, 0, Side.BUY, now);
        Leg second = openLeg(uniqueAsset("AMB"), PositionMode.ONE_WAY, 0, Side.BUY, now);
        phase(first, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now);
        phase(first, AgedPhase.DETECTED, AgedPhase.GRACE_ACTIVE, "98", "100.11", "0", "in loss", now);
        phase(second, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now);
        awaitProjections();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, Long> after = scrape();
            assertThat(after.get("grace_active")).isEqualTo(before.get("grace_active") + 1);
            assertThat(after.get("detected")).isEqualTo(before.get("detected") + 1);
            assertThat(after.get("closed")).isEqualTo(before.get("closed"));
        });
    }

    /** Each status's gauge as the actuator reads it ({@code position_manager_aged_positions} in Prometheus). */
    private Map<String, Long> scrape() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (String status : STATUSES) {
            Response response = get("/actuator/metrics/position_manager.aged_positions?tag=status:" + status);
            assertThat(response.status()).as(status).isEqualTo(200);
            byStatus.put(status, response.body().get("measurements").get(0).get("value").decimalValue().longValueExact());
        }
        return byStatus;
    }
}
