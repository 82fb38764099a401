package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.events.CarriesPositionFigures;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands through the real command bus into the real PostgreSQL event store; a fresh application context
 * then rebuilds the same position from what was stored.
 */
class PositionEventStoreIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void a_restarted_application_reloads_the_same_position_from_the_event_store() {
        String asset = uniqueAsset();
        String positionId = PositionId.of(asset, PositionMode.ONE_WAY);
        PositionFigures before;
        try (ConfigurableApplicationContext app = start()) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            assertThat(send(commands, fill(asset, "e1", Side.BUY, "1.5", "50000", "0.75", 0)))
                    .isEqualTo(FillResult.APPLIED);
            send(commands, fill(asset, "e2", Side.BUY, "0.5", "52000", "0.25", 1));
            send(commands, fill(asset, "e3", Side.SELL, "1", "53000", "0.5", 2));
            commands.sendAndWait(ReportExchangePosition.of(asset, PositionMode.ONE_WAY, 0, new BigDecimal("1"),
                    new BigDecimal("50500"), new BigDecimal("53100"), new BigDecimal("2600"), new BigDecimal("2498.5"),
                    4, T0.plusSeconds(3)));
            before = lastFigures(app, positionId);
        }
        assertThat(before.size()).isEqualByComparingTo("1");

        try (ConfigurableApplicationContext restarted = start()) {
            CommandGateway commands = restarted.getBean(CommandGateway.class);
            assertThat(send(commands, fill(asset, "e3", Side.SELL, "1", "53000", "0.5", 2)))
                    .as("the redelivered fill is recognised after a restart")
                    .isEqualTo(FillResult.DUPLICATE);
            send(commands, fill(asset, "e4", Side.SELL, "1", "54000", "0", 5));
            PositionFigures after = lastFigures(restarted, positionId);
            assertThat(after.size().signum()).isZero();
            assertThat(after.fillCount()).isEqualTo(before.fillCount() + 1);
            // sold the last unit at 54000 against the exchange's entry of 50500
            assertThat(after.realizedPnl()).isEqualByComparingTo(before.realizedPnl().add(new BigDecimal("3500")));
            assertThat(after.lifecycle().closedAt()).isEqualTo(T0.plusSeconds(5));
        }
    }

    @Test
    void every_event_carries_source_trace_id_message_id_and_correlation_in_bytea_columns() {
        String asset = uniqueAsset();
        try (ConfigurableApplicationContext app = start()) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(fill(asset, "x1", Side.BUY, "1", "10", "0", 0))
                    .andMetaData(MetaData.with(EventMetadata.SOURCE, "order_execution")
                            .and(EventMetadata.TRACE_ID, "trace-42")
                            .and(EventMetadata.MESSAGE_ID, "amqp-7")));
            List<? extends DomainEventMessage<?>> events = app.getBean(EventStore.class)
                    .readEvents(PositionId.of(asset, PositionMode.ONE_WAY)).asStream().toList();
            assertThat(events).hasSize(2);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getMetaData()).containsEntry(EventMetadata.SOURCE, "order_execution")
                        .containsEntry(EventMetadata.TRACE_ID, "trace-42")
                        .containsEntry(EventMetadata.MESSAGE_ID, "amqp-7")
                        .containsKey("correlationId")
                        .containsKey("traceId");
            });

            Map<String, Object> columns = app.getBean(JdbcTemplate.class).queryForMap(
                    "SELECT pg_typeof(payload)::text AS payload_type, pg_typeof(meta_data)::text AS meta_type, "
                            + "payload_revision FROM domain_event_entry WHERE aggregate_identifier = ? "
                            + "ORDER BY sequence_number LIMIT 1", PositionId.of(asset, PositionMode.ONE_WAY));
            assertThat(columns).containsEntry("payload_type", "bytea").containsEntry("meta_type", "bytea")
                    .containsEntry("payload_revision", "1");
        }
    }

    @Test
    void a_long_history_is_snapshotted_so_loading_reads_only_the_tail() {
        String asset = uniqueAsset();
        String positionId = PositionId.of(asset, PositionMode.ONE_WAY);
        try (ConfigurableApplicationContext app = start("--position-manager.snapshot-threshold=20")) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            for (int i = 0; i < 60; i++) {
                send(commands, fill(asset, "s" + i, i % 2 == 0 ? Side.BUY : Side.SELL, "1", "100", "0", i));
            }
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Long snapshotSequence = jdbc.queryForObject(
                    "SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                    Long.class, positionId);
            Long lastSequence = jdbc.queryForObject(
                    "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, positionId);
            assertThat(snapshotSequence).isNotNull();
            assertThat(lastSequence - snapshotSequence).isLessThan(40);
        }
        try (ConfigurableApplicationContext restarted = start()) {
            assertThat(send(restarted.getBean(CommandGateway.class),
                    fill(asset, "s59", Side.SELL, "1", "100", "0", 59))).isEqualTo(FillResult.DUPLICATE);
            send(restarted.getBean(CommandGateway.class), fill(asset, "s60", Side.BUY, "2", "100", "0", 60));
            assertThat(lastFigures(restarted, positionId).size()).isEqualByComparingTo("2");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }

    private static FillResult send(CommandGateway commands, ApplyFill fill) {
        return commands.sendAndWait(fill);
    }

    private static ApplyFill fill(String asset, String fillId, Side side, String quantity, String price, String fee,
                                  int secondsAfterT0) {
        return ApplyFill.of(asset, PositionMode.ONE_WAY, null, fillId, "order-" + fillId, side,
                new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee), T0.plusSeconds(secondsAfterT0));
    }

    private static PositionFigures lastFigures(ConfigurableApplicationContext app, String positionId) {
        return app.getBean(EventStore.class).readEvents(positionId).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(CarriesPositionFigures.class::isInstance)
                .map(payload -> ((CarriesPositionFigures) payload).position())
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private static String uniqueAsset() {
        return "IT" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
    }
}
