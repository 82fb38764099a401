package com.ytrader.positionmanager.command.aged;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.command.ingest.ChildApplication;
import com.ytrader.positionmanager.command.ingest.IngestApp;
import com.ytrader.positionmanager.command.ingest.IngestProperties;
import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.AgedPositionClosed;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Aged positions end to end, with durations of seconds: fills and an exchange report through RabbitMQ, the saga's
 * persistent deadline, the close request on its queue, the closing fill, and a SIGKILL while the deadline waits.
 */
class AgedPositionIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A database of their own: a service with the saga reads the whole event store, and the other tests' positions,
     * opened days back in business time, would age at once and send their close requests too.
     */
    private static final String DATABASE = "--POSTGRES_DB=pm_command_side_aged_test";

    private static final String SAGA_PROCESSOR = "AgedPositionSagaProcessor";

    private IngestApp reader;
    private String closeRequests;
    private String asset;

    @BeforeEach
    void startReader() {
        // the reader runs no saga, so it must not run deadlines either: it would take the saga's and find no one
        // to give them to (db-scheduler looks for due deadlines when it starts, then not for an hour)
        reader = IngestApp.start(IngestApp.TestQueues.unique("aged"), DATABASE, "--position-manager.ingest.enabled=false",
                "--position-manager.fanout.enabled=false", "--db-scheduler.polling-interval=1h");
        closeRequests = "it.aged." + UUID.randomUUID().toString().substring(0, 8) + ".close_requests";
        reader.declare(closeRequests);
        reader.queues.all().forEach(reader::declare);
        reader.declare(reader.queues.ticker());
        asset = "AG" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    @AfterEach
    void stopReader() {
        new RabbitAdmin(reader.context.getBean(ConnectionFactory.class)).deleteQueue(closeRequests);
        reader.close();
    }

    @Test
    void a_position_older_than_the_maximum_age_in_profit_is_asked_to_close_and_its_closing_fill_ends_it()
            throws Exception {
        try (ChildApplication service = service("2s")) {
            reader.publish(reader.queues.orderExecuted(), List.of(fill("open", "Buy", "1.5", "100")));
            reader.publish(reader.queues.wsPosition(), List.of(report("1.5", "101")));

            JsonNode request = closeRequest(service, Duration.ofSeconds(60));
            assertThat(request.get("asset").asText()).isEqualTo(asset);
            assertThat(request.get("side").asText()).isEqualTo("Sell");
            assertThat(request.get("quantity").asText()).isEqualTo("1.5");
            assertThat(request.get("order_type").asText()).isEqualTo("Market");
            assertThat(request.get("reduce_only").asBoolean()).isTrue();
            assertThat(request.get("time_in_force").asText()).isEqualTo("IOC");
            assertThat(request.get("reason").asText()).isEqualTo("aged_profit");
            assertThat(request.get("attempt").asInt()).isEqualTo(1);
            assertThat(request.get("request_id").asText()).isNotBlank();
            assertThat(request.get("trace_id").asText()).isNotBlank();

            reader.publish(reader.queues.orderExecuted(), List.of(fill("close", "Sell", "1.5", "101")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(service.alive()).as(service.logTail()).isTrue();
                AgedPositionClosed closed = eventsOf(AgedPositionClosed.class).stream().findFirst().orElseThrow();
                assertThat(closed.closeReason()).isEqualTo(AgedCloseReason.AGED_PROFIT);
                assertThat(closed.closePrice()).isEqualByComparingTo("101");
                assertThat(closed.actualPnlPercent()).isEqualByComparingTo("1");
                assertThat(sagasOfThePosition()).isZero();
            });
        }
    }

    @Test
    void a_detection_deadline_pending_while_the_service_is_killed_fires_once_after_the_restart() throws Exception {
        long deadlinesBefore = detectionDeadlines();
        try (ChildApplication first = service("10s")) {
            reader.publish(reader.queues.orderExecuted(), List.of(fill("open", "Buy", "1", "100")));
            reader.publish(reader.queues.wsPosition(), List.of(report("1", "101")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(first.alive()).as(first.logTail()).isTrue();
                assertThat(sagasOfThePosition()).isPositive();
                assertThat(detectionDeadlines()).isGreaterThan(deadlinesBefore);
            });
            first.kill();
        }
        assertThat(eventsOf(AgedPhaseChanged.class)).as("killed before the maximum age").isEmpty();

        try (ChildApplication second = service("10s")) {
            JsonNode request = closeRequest(second, Duration.ofSeconds(90));
            assertThat(request.get("reason").asText()).isEqualTo("aged_profit");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(eventsOf(AgedPhaseChanged.class)).filteredOn(change -> change.to() == AgedPhase.DETECTED)
                        .hasSize(1);
                assertThat(reader.messageCount(closeRequests)).isZero();
            });
        }
    }

    /**
     * Two instances, one database, one broker: the saga's processor and the close requests' processor each have one
     * segment, claimed by one instance; the deadline waits in {@code scheduled_tasks}, which db-scheduler hands to one
     * instance. The instance holding the saga's claim is SIGKILLed before the deadline is due: the other one takes
     * the claims once they time out (10 s), runs the deadline, and sends the close request once.
     */
    @Test
    void two_instances_send_one_close_request_and_the_survivor_takes_over_when_the_saga_holder_is_killed()
            throws Exception {
        try (ChildApplication one = service("20s"); ChildApplication other = service("20s")) {
            reader.publish(reader.queues.orderExecuted(), List.of(fill("open", "Buy", "1", "100")));
            reader.publish(reader.queues.wsPosition(), List.of(report("1", "101")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(sagasOfThePosition()).isPositive();
                assertThat(claimOwner(SAGA_PROCESSOR)).isNotNull();
            });
            assertThat(eventsOf(AgedPhaseChanged.class)).as("killed before the maximum age").isEmpty();
            ChildApplication holder = one.owns(claimOwner(SAGA_PROCESSOR)) ? one : other;
            ChildApplication survivor = holder == one ? other : one;
            holder.kill();

            JsonNode request = closeRequest(survivor, Duration.ofSeconds(90));
            assertThat(request.get("reason").asText()).isEqualTo("aged_profit");
            assertThat(survivor.owns(claimOwner(SAGA_PROCESSOR))).as("saga's claim taken by the survivor").isTrue();
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(eventsOf(AgedPhaseChanged.class)).filteredOn(change -> change.to() == AgedPhase.DETECTED)
                        .hasSize(1);
                assertThat(reader.messageCount(closeRequests)).as("a second close request").isZero();
            });
        }
    }

    @Test
    void only_the_ticker_prices_that_matter_to_an_aged_leg_become_events_and_a_profitable_one_leads_to_a_close()
            throws Exception {
        try (ChildApplication service = service("3s")) {
            reader.publish(reader.queues.orderExecuted(), List.of(fill("open", "Buy", "1", "100")));
            reader.publish(reader.queues.ticker(), List.of(ticker("99")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(watchedPhase())
                    .isEqualTo(AgedPhase.GRACE_PENDING.wireName()));
            assertThat(eventsOf(MarkPriceUpdated.class)).as("a price no aged leg waits for").isEmpty();

            reader.publish(reader.queues.ticker(), List.of(ticker("99.5")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(watchedPhase())
                    .isEqualTo(AgedPhase.GRACE_ACTIVE.wireName()));
            reader.publish(reader.queues.ticker(), List.of(ticker("99.6")));
            reader.publish(reader.queues.ticker(), List.of(ticker("100.02")));
            JsonNode request = closeRequest(service, Duration.ofSeconds(30));
            assertThat(request.get("reason").asText()).isEqualTo("aged_profit");
            assertThat(request.get("trigger_price").asText()).isEqualTo("100.02");
            assertThat(eventsOf(MarkPriceUpdated.class)).extracting(update -> update.markPrice().toPlainString())
                    .containsExactly("99.5", "100.02");

            reader.publish(reader.queues.ticker(), List.of(IngestApp.json("bad-ticker",
                    "{\"symbol\":\"%s\",\"markPrice\":\"-1\"}".formatted(asset))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    reader.messageCount(IngestProperties.deadLetterQueue(reader.queues.ticker()))).isEqualTo(1));
        }
    }

    private ChildApplication service(String maxAge) {
        List<String> arguments = new ArrayList<>(reader.queues.arguments());
        arguments.add(DATABASE);
        arguments.addAll(List.of("--position-manager.aged.enabled=true", "--position-manager.aged.max-age=" + maxAge,
                "--position-manager.aged.grace-period=1h", "--position-manager.aged.close-timeout=1h",
                "--position-manager.aged.close-requests-queue=" + closeRequests,
                "--db-scheduler.polling-interval=200ms", "--position-manager.fanout.enabled=false"));
        ChildApplication service = ChildApplication.start(CommandSideApplication.class.getName(),
                reader.context.getEnvironment(), arguments);
        // the fills are dated when they are published: the service must be there to take them at once
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(service.alive()).as(service.logTail()).isTrue();
            assertThat(reader.consumerCount(reader.queues.orderExecuted())).isPositive();
        });
        return service;
    }

    private JsonNode closeRequest(ChildApplication service, Duration within) throws IOException {
        List<Message> received = new ArrayList<>();
        RabbitTemplate rabbit = new RabbitTemplate(reader.context.getBean(ConnectionFactory.class));
        await().atMost(within).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(service.alive()).as(service.logTail()).isTrue();
            Message message = rabbit.receive(closeRequests);
            if (message != null && asset.equals(JSON.readTree(message.getBody()).path("asset").asText())) {
                received.add(message);
            }
            assertThat(received).hasSize(1);
        });
        Message message = received.get(0);
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
        JsonNode body = JSON.readTree(message.getBody());
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo(body.get("request_id").asText());
        return body;
    }

    private Message fill(String execId, String side, String quantity, String price) {
        return IngestApp.json(asset + "-" + execId, """
                {"order_id":"o-%s","asset":"%s","side":"%s","filled_quantity":"%s","execution_price":"%s",\
                "exec_id":"%s-%s","executed_at":"%s"}""".formatted(execId, asset, side, quantity, price, asset, execId,
                Instant.now()));
    }

    private Message ticker(String markPrice) {
        return IngestApp.json(asset + "-ticker-" + markPrice, """
                {"symbol":"%s","markPrice":"%s","ts":%d}""".formatted(asset, markPrice, System.currentTimeMillis()));
    }

    private Message report(String size, String markPrice) {
        return IngestApp.json(asset + "-report", """
                {"event_type":"position","timestamp":"%s","payload":{"symbol":"%s","side":"Buy","size":"%s",\
                "avgPrice":"100","markPrice":"%s","positionIdx":0,"updatedTime":"%s","trailingStop":"0"}}"""
                .formatted(Instant.now(), asset, size, markPrice, Instant.now().plusMillis(500)));
    }

    private <T> List<T> eventsOf(Class<T> type) {
        return reader.events(PositionId.of(asset, PositionMode.ONE_WAY)).stream()
                .map(event -> event.getPayload()).filter(type::isInstance).map(type::cast).toList();
    }

    private long sagasOfThePosition() {
        return reader.context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM association_value_entry WHERE association_value = ?", Long.class,
                PositionId.of(asset, PositionMode.ONE_WAY));
    }

    /** The phase the service's watch list holds for the position's leg: what its next ticker is held against. */
    private String watchedPhase() {
        return reader.context.getBean(JdbcTemplate.class).query(
                "SELECT phase FROM command_aged_watch WHERE position_id = ?",
                (row, number) -> row.getString("phase"), PositionId.of(asset, PositionMode.ONE_WAY))
                .stream().findFirst().orElse(null);
    }

    /** The instance whose claim on the processor's one segment is current ({@code pid@host}). */
    private String claimOwner(String processor) {
        return reader.context.getBean(JdbcTemplate.class).query(
                "SELECT owner FROM token_entry WHERE processor_name = ? AND segment = 0",
                (row, number) -> row.getString("owner"), processor).stream().findFirst().orElse(null);
    }

    private long detectionDeadlines() {
        return reader.context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') in task_data) > 0",
                Long.class, DetectionDue.NAME);
    }
}
