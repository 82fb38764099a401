package com.ytrader.positionmanager.command.periodic;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.command.openpositions.OpenPositions;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ReportExchangePosition;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances share the timers' work: each open position is visited once per interval, cluster-wide. */
class PeriodicTasksIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void a_periodic_snapshot_visits_each_open_position_once_however_many_instances_run() {
        String open = uniqueAsset("OPEN");
        String closed = uniqueAsset("SHUT");
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            first.getBean(JdbcTemplate.class).update("DELETE FROM shedlock WHERE name = 'periodic-snapshots'");
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(fill(open, "o1", Side.BUY, 0));
            commands.sendAndWait(fill(closed, "c1", Side.BUY, 0));
            commands.sendAndWait(fill(closed, "c2", Side.SELL, 1));
            awaitOpen(first, open, closed);

            first.getBean(PeriodicPositionTasks.class).snapshotOpenPositions();
            second.getBean(PeriodicPositionTasks.class).snapshotOpenPositions();

            List<DomainEventMessage<?>> snapshots = events(first, open, PositionSnapshotTaken.class);
            assertThat(snapshots).hasSize(1);
            assertThat(snapshots.get(0).getMetaData()).containsEntry(EventMetadata.SOURCE, "scheduler");
            assertThat(events(first, closed, PositionSnapshotTaken.class)).isEmpty();
        }
    }

    @Test
    void periodic_validation_corrects_an_open_position_that_differs_from_the_exchange() {
        String asset = uniqueAsset("VAL");
        try (ConfigurableApplicationContext app = start()) {
            app.getBean(JdbcTemplate.class).update("DELETE FROM shedlock WHERE name = 'periodic-validation'");
            CommandGateway commands = app.getBean(CommandGateway.class);
            commands.sendAndWait(fill(asset, "v1", Side.BUY, 0));
            commands.sendAndWait(ReportExchangePosition.of(asset, PositionMode.ONE_WAY, 0, new BigDecimal("2"),
                    new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO, 1,
                    T0.plusSeconds(1)));
            awaitOpen(app, asset, null);

            app.getBean(PeriodicPositionTasks.class).validateOpenPositions();

            List<DomainEventMessage<?>> corrections = events(app, asset, PositionCorrected.class);
            assertThat(corrections).hasSize(1);
            assertThat(((PositionCorrected) corrections.get(0).getPayload()).correctedSize())
                    .isEqualByComparingTo("2");
            assertThat(corrections.get(0).getMetaData()).containsEntry(EventMetadata.SOURCE, "scheduler");
        }
    }

    private static void awaitOpen(ConfigurableApplicationContext app, String openAsset, String closedAsset) {
        OpenPositions openPositions = app.getBean(OpenPositions.class);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> assets = openPositions.all().stream().map(OpenPositions.OpenPosition::asset).toList();
            assertThat(assets).contains(openAsset);
            if (closedAsset != null) {
                assertThat(assets).doesNotContain(closedAsset);
            }
        });
    }

    private static List<DomainEventMessage<?>> events(ConfigurableApplicationContext app, String asset, Class<?> type) {
        return app.getBean(EventStore.class).readEvents(PositionId.of(asset, PositionMode.ONE_WAY)).asStream()
                .filter(event -> type.isInstance(event.getPayload()))
                .<DomainEventMessage<?>>map(event -> event)
                .toList();
    }

    private static ApplyFill fill(String asset, String fillId, Side side, int second) {
        return ApplyFill.of(asset, PositionMode.ONE_WAY, null, fillId, "order-" + fillId, side, BigDecimal.ONE,
                new BigDecimal("100"), BigDecimal.ZERO, T0.plusSeconds(second));
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommandSideApplication.class).web(WebApplicationType.NONE).run();
    }

    private static String uniqueAsset(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
    }
}
