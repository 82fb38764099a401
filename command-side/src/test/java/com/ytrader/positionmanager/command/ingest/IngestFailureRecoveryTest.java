package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.infrastructure.TcpProxy;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nothing lost, nothing doubled: PostgreSQL refusing connections mid-stream, and the consumer killed mid-stream. */
class IngestFailureRecoveryTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-8");

    @Test
    void fills_arriving_while_postgresql_refuses_connections_are_applied_exactly_once_after_it_returns()
            throws Exception {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("dbdown");
        FillStream stream = FillStream.generate(10, 3_000, 0.10, 31L);
        int postgresPort;
        try (IngestApp probe = IngestApp.start(IngestApp.TestQueues.unique("probe"),
                "--position-manager.ingest.enabled=false", "--position-manager.fanout.enabled=false")) {
            postgresPort = URI.create(probe.context.getEnvironment().getRequiredProperty("spring.datasource.url")
                    .substring("jdbc:".length())).getPort();
        }
        try (TcpProxy proxy = new TcpProxy(postgresPort);
             IngestApp app = IngestApp.start(queues, "--POSTGRES_HOST=127.0.0.1",
                     "--POSTGRES_PORT=" + proxy.port(), "--spring.datasource.hikari.connection-timeout=2000")) {
            List<Message> messages = stream.messages();
            int third = messages.size() / 3;
            app.publish(queues.orderExecuted(), messages.subList(0, third));
            await().atMost(Duration.ofSeconds(60)).until(() -> app.ingested(queues.orderExecuted()) >= third / 2.0);
            proxy.cut();
            app.publish(queues.orderExecuted(), messages.subList(third, 2 * third));
            Thread.sleep(4_000);
            assertThat(app.ingested(queues.orderExecuted())).as("nothing acknowledged while the database is down")
                    .isLessThan(2 * third);
            proxy.restore();
            app.publish(queues.orderExecuted(), messages.subList(2 * third, messages.size()));

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() ->
                    app.ingested(queues.orderExecuted()) >= messages.size() && app.messageCount(queues.orderExecuted()) == 0);
            assertThat(app.ingested(queues.orderExecuted(), IngestOutcome.DEAD_LETTERED)).isZero();
            assertMatchesReference(app, stream);
        }
    }

    @Test
    void fills_in_flight_when_the_consumer_process_is_killed_are_applied_exactly_once_after_a_restart()
            throws Exception {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("kill");
        FillStream stream = FillStream.generate(10, 3_000, 0.10, 41L);
        try (IngestApp reader = IngestApp.start(queues, "--position-manager.ingest.enabled=false",
                "--position-manager.fanout.enabled=false")) {
            List<Message> messages = stream.messages();
            reader.declare(queues.orderExecuted());
            reader.publish(queues.orderExecuted(), messages);
            try (ChildApplication first = ChildApplication.start(CommandSideApplication.class.getName(),
                    reader.context.getEnvironment(), queues.arguments())) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                    assertThat(first.alive()).as(first.logTail()).isTrue();
                    assertThat(reader.messageCount(queues.orderExecuted())).isLessThan(messages.size() * 2L / 3);
                });
                first.kill();
            }
            long left = reader.messageCount(queues.orderExecuted());
            assertThat(left).as("killed mid-stream").isPositive();
            try (ChildApplication second = ChildApplication.start(CommandSideApplication.class.getName(),
                    reader.context.getEnvironment(), queues.arguments())) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertThat(second.alive()).as(second.logTail()).isTrue();
                    assertThat(reader.messageCount(queues.orderExecuted())).isZero();
                    stream.expected().forEach((asset, reference) -> assertThat(
                            reader.figures(FillStream.positionId(asset))).isNotNull()
                            .extracting("fillCount").isEqualTo((long) reference.fills()));
                });
                assertMatchesReference(reader, stream);
                assertThat(reader.messageCount(IngestProperties.deadLetterQueue(queues.orderExecuted()))).isZero();
            }
        }
    }

    private static void assertMatchesReference(IngestApp app, FillStream stream) {
        stream.expected().forEach((asset, reference) -> {
            PositionFigures figures = app.figures(FillStream.positionId(asset));
            assertThat(figures.fillCount()).as("fills of %s", asset).isEqualTo(reference.fills());
            assertThat(figures.size()).as("size of %s", asset).isEqualByComparingTo(reference.size());
            assertThat(figures.totalFees()).as("fees of %s", asset).isEqualByComparingTo(reference.fees());
            assertThat(figures.realizedPnl().subtract(reference.realizedPnl()).abs())
                    .as("realized PnL of %s", asset).isLessThan(TOLERANCE);
        });
    }
}
