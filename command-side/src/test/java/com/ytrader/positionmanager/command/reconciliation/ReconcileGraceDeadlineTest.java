package com.ytrader.positionmanager.command.reconciliation;

import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ReportExchangePosition;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionSizeDiscrepancyDetected;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The grace period of a size difference is a persistent deadline (db-scheduler's table in PostgreSQL): it fires
 * in the running application, once, and only for a difference no execution explained in time.
 */
@SpringBootTest(properties = {"position-manager.ingest.enabled=false", "position-manager.fanout.enabled=false",
        "position-manager.reconcile-grace=2s", "db-scheduler.polling-interval=200ms"})
@DirtiesContext
class ReconcileGraceDeadlineTest {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void an_unexplained_size_difference_is_confirmed_once_when_its_persistent_deadline_fires() {
        String asset = uniqueAsset();
        Instant now = Instant.now();
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, "e1", "o1", Side.BUY, BigDecimal.ONE,
                new BigDecimal("100"), BigDecimal.ZERO, now.minusSeconds(10), 1L, null, null));
        commands.sendAndWait(report(asset, "1.5", 2, now));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class)).isPositive();

        await().atMost(Duration.ofSeconds(20)).until(() -> discrepancies(asset).size() == 1);
        PositionSizeDiscrepancyDetected discrepancy = discrepancies(asset).get(0);
        assertThat(discrepancy.confirmedBy()).isEqualTo("grace_elapsed");
        assertThat(discrepancy.difference()).isEqualByComparingTo("0.5");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> discrepancies(asset).size() == 1);
    }

    @Test
    void a_difference_an_execution_explains_within_the_grace_period_is_never_confirmed() {
        String asset = uniqueAsset();
        Instant now = Instant.now();
        commands.sendAndWait(report(asset, "1", 3, now));
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, "e1", "o1", Side.BUY, BigDecimal.ONE,
                new BigDecimal("100"), BigDecimal.ZERO, now.minusSeconds(1), 3L, null, null));

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                .until(() -> discrepancies(asset).isEmpty());
    }

    private static ReportExchangePosition report(String asset, String size, long seq, Instant at) {
        return ReportExchangePosition.of(asset, PositionMode.ONE_WAY, 0, new BigDecimal(size), new BigDecimal("100"),
                new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO, seq, at);
    }

    private List<PositionSizeDiscrepancyDetected> discrepancies(String asset) {
        return eventStore.readEvents(PositionId.of(asset, PositionMode.ONE_WAY)).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(PositionSizeDiscrepancyDetected.class::isInstance)
                .map(PositionSizeDiscrepancyDetected.class::cast)
                .toList();
    }

    private static String uniqueAsset() {
        return "DL" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
    }
}
