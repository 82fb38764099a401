package com.ytrader.positionmanager.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.command.ingest.IngestProperties;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * What a user tries first: two standalone instances on one database and one RabbitMQ, partitioned ingest, fills of
 * three assets (with flips and fees) published to {@code order-manager.order_executed} as the order manager does.
 * Every position must equal the test's own arithmetic and every fill be in the event store once: with both
 * instances running, and while the instance that routes and applies the fills is SIGKILLed and started again.
 * This JVM's standalone app (the shared test context) only resolves PostgreSQL and the broker and reads the event
 * store; it consumes queues of its own.
 */
@StandaloneAppTest
class SeveralInstancesTest {

    private static final int PARTITIONS = 4;
    private static final int FILLS_PER_PHASE = 4_000;
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-8");
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    @Autowired
    Environment environment;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    private final Random random = new Random(20261201L);
    private final Map<String, PlainPosition> expected = new LinkedHashMap<>();
    private final String prefix = "S" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
            .toUpperCase();
    private final String queuePrefix = "several." + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final String orderExecuted = queuePrefix + "order-manager.order_executed";
    /** Written by the publishing thread, read by the test's. */
    private volatile int published;

    @Test
    void two_instances_share_one_database_and_broker_and_stay_exact_also_when_one_is_killed_while_fills_flow()
            throws Exception {
        assumeThat(brokerProduct()).as("several instances need RabbitMQ (the embedded broker has no single active"
                + " consumer)").isEqualTo("RabbitMQ");
        for (int i = 0; i < 3; i++) {
            expected.put(prefix + "A" + i, new PlainPosition());
        }
        RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);

        StandaloneInstance first = StandaloneInstance.start(environment, arguments());
        StandaloneInstance second = null;
        StandaloneInstance restarted = null;
        try {
            // the first instance up holds the routers and every partition; the second stands by for them
            awaitHealthy(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> consumers(admin, orderExecuted) == 1);
            second = StandaloneInstance.start(environment, arguments());
            awaitHealthy(second);
            assertThat(consumers(admin, orderExecuted)).as("one router at a time").isEqualTo(1);

            publish(rabbit, FILLS_PER_PHASE, 0);
            awaitEveryFillApplied(first, second);
            assertMatchesReference();
            assertThat(expected.values()).as("positions that went through zero").anyMatch(p -> p.flips() > 0);

            // fills keep flowing (a chunk every 250 ms) while the instance routing and applying them is killed, the
            // survivor takes its place, and the killed one is started again
            CompletableFuture<Void> flowing = CompletableFuture.runAsync(() -> publish(rabbit, FILLS_PER_PHASE, 250));
            await().atMost(Duration.ofSeconds(30)).until(() -> published >= FILLS_PER_PHASE + FILLS_PER_PHASE / 4);
            first.kill();
            int publishedAtTheKill = published;
            // fills published after the kill, applied before the killed instance is back: the survivor routes
            // the queue and applies the partitions
            await("the survivor takes over").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> fillsApplied() >= publishedAtTheKill + 200);
            restarted = StandaloneInstance.start(environment, arguments());
            awaitHealthy(restarted);
            flowing.get(60, TimeUnit.SECONDS);
            awaitEveryFillApplied(second, restarted);
            assertMatchesReference();
            assertReadModelMatches(second);

            for (String queue : List.of(orderExecuted, IngestProperties.deadLetterQueue(orderExecuted))) {
                assertThat(messages(admin, queue)).as("left in %s", queue).isZero();
            }
            for (int partition = 0; partition < PARTITIONS; partition++) {
                String queue = IngestProperties.partitionQueue(orderExecuted, partition);
                assertThat(messages(admin, queue)).as("left in %s", queue).isZero();
            }
        } finally {
            for (StandaloneInstance instance : new StandaloneInstance[]{first, second, restarted}) {
                if (instance != null) {
                    instance.close();
                }
            }
        }
    }

    private List<String> arguments() {
        return List.of(
                "--position-manager.ingest.queues.order-executed=" + orderExecuted,
                "--position-manager.ingest.queues.order-events=" + queuePrefix + "order-manager.order_events",
                "--position-manager.ingest.queues.ws-position=" + queuePrefix + "ws-gateway.position",
                "--position-manager.ingest.queues.ticker=" + queuePrefix + "ws-gateway.ticker",
                "--position-manager.ingest.partitions=" + PARTITIONS);
    }

    /** Publishes {@code count} more fills in chunks of 100, with confirms, pausing {@code pauseMillis} after each. */
    private void publish(RabbitTemplate rabbit, int count, long pauseMillis) {
        for (int sent = 0; sent < count; sent += 100) {
            List<Message> chunk = new ArrayList<>();
            for (int n = sent; n < Math.min(count, sent + 100); n++) {
                chunk.add(nextFill());
            }
            rabbit.invoke(operations -> {
                chunk.forEach(message -> operations.send("", orderExecuted, message));
                operations.waitForConfirmsOrDie(30_000);
                return null;
            });
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Message nextFill() {
        int n = published++;
        String asset = new ArrayList<>(expected.keySet()).get(random.nextInt(expected.size()));
        boolean buy = random.nextBoolean();
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(1000), 3);
        BigDecimal price = BigDecimal.valueOf(10_000 + random.nextInt(10_000), 2);
        BigDecimal fee = BigDecimal.valueOf(random.nextInt(100), 4);
        expected.get(asset).fill(buy, quantity, price, fee);
        String body = """
                {"order_id":"%s-o%d","exec_id":"%s-e%d","asset":"%s","side":"%s","filled_quantity":"%s",\
                "execution_price":"%s","execution_fees":"%s","mode":"one-way","exec_type":"Trade",\
                "executed_at":"%s","trace_id":"trace-%s-%d"}"""
                .formatted(prefix, n, prefix, n, asset, buy ? "Buy" : "Sell", quantity.toPlainString(),
                        price.toPlainString(), fee.toPlainString(), T0.plusMillis(n), prefix, n);
        return MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8)).setContentType("application/json")
                .setMessageId(prefix + "-m" + n).setDeliveryMode(MessageDeliveryMode.PERSISTENT).build();
    }

    private void awaitEveryFillApplied(StandaloneInstance... running) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (StandaloneInstance instance : running) {
                assertThat(instance.alive()).as(instance.logTail()).isTrue();
            }
            expected.forEach((asset, reference) -> assertThat(figures(asset)).as("figures of %s", asset).isNotNull()
                    .extracting(PositionFigures::fillCount).isEqualTo((long) reference.fills()));
        });
    }

    private void assertMatchesReference() {
        expected.forEach((asset, reference) -> {
            List<FillApplied> fills = events(asset).stream().map(DomainEventMessage::getPayload)
                    .filter(FillApplied.class::isInstance).map(FillApplied.class::cast).toList();
            assertThat(fills).as("fills of %s in the event store", asset).hasSize(reference.fills());
            assertThat(fills.stream().map(FillApplied::fillId).distinct().count()).as("distinct fill ids of %s", asset)
                    .isEqualTo(reference.fills());
            PositionFigures figures = figures(asset);
            assertThat(figures.size()).as("size of %s", asset).isEqualByComparingTo(reference.size());
            assertThat(figures.totalFees()).as("fees of %s", asset).isEqualByComparingTo(reference.fees());
            assertThat(figures.realizedPnl().subtract(reference.realizedPnl()).abs())
                    .as("realized PnL of %s: %s, reference %s", asset, figures.realizedPnl(), reference.realizedPnl())
                    .isLessThan(TOLERANCE);
        });
    }

    /** The query side of the surviving instance shows the same figures (its processors share the event store). */
    private void assertReadModelMatches(StandaloneInstance instance) {
        StandaloneApi api = new StandaloneApi(instance.port, LocalApiKey.of(environment).value());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                expected.forEach((asset, reference) -> {
                    JsonNode position = api.get("/api/v1/positions/" + asset);
                    assertThat(new BigDecimal(position.path("size").asText())).as("size of %s", asset)
                            .isEqualByComparingTo(reference.size());
                    assertThat(new BigDecimal(position.path("realized_pnl").asText())
                            .subtract(reference.realizedPnl()).abs()).as("realized PnL of %s", asset)
                            .isLessThan(TOLERANCE);
                }));
    }

    private long fillsApplied() {
        Long fills = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?"
                + " AND payload_type = ?", Long.class, prefix + "A%", FillApplied.class.getName());
        return fills == null ? 0 : fills;
    }

    private List<? extends DomainEventMessage<?>> events(String asset) {
        return eventStore.readEvents(PositionId.of(asset, PositionMode.ONE_WAY), 0).asStream().toList();
    }

    private PositionFigures figures(String asset) {
        PositionFigures last = null;
        for (DomainEventMessage<?> event : events(asset)) {
            if (event.getPayload() instanceof FillApplied fill) {
                last = fill.position();
            }
        }
        return last;
    }

    private void awaitHealthy(StandaloneInstance instance) {
        StandaloneApi api = new StandaloneApi(instance.port, LocalApiKey.of(environment).value());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(instance.alive()).as(instance.logTail()).isTrue();
                    assertThat(api.call("/health").status()).isEqualTo(200);
                });
    }

    private String brokerProduct() {
        try (Connection connection = connectionFactory.createConnection()) {
            return String.valueOf(connection.getDelegate().getServerProperties().get("product"));
        }
    }

    private static long consumers(RabbitAdmin admin, String queue) {
        Properties properties = admin.getQueueProperties(queue);
        return properties == null ? 0 : ((Number) properties.get(RabbitAdmin.QUEUE_CONSUMER_COUNT)).longValue();
    }

    private static long messages(RabbitAdmin admin, String queue) {
        Properties properties = admin.getQueueProperties(queue);
        return properties == null ? 0 : ((Number) properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue();
    }
}
