package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inputs that used to stall a read model or a queue: values no read model can store, a header too large to copy,
 * a per-message TTL, labels the service does not decode. Each is dead-lettered with a clear reason while the
 * valid fills around it are applied.
 */
class IngestHardeningTest {

    private static IngestApp app;
    private static IngestApp.TestQueues queues;

    @BeforeAll
    static void start() {
        queues = IngestApp.TestQueues.unique("hardening");
        app = IngestApp.start(queues);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void values_that_no_read_model_can_store_are_dead_lettered_naming_the_field_and_later_fills_apply() {
        String asset = freshAsset();
        List<Message> messages = List.of(
                fill("long-exec-id", asset, "Buy", "1", "10", "exec_id", "\"" + "e".repeat(300) + "\""),
                fill("long-trace-id", asset, "Buy", "1", "10", "trace_id", "\"" + "t".repeat(256) + "\""),
                fill("nul-order-id", asset, "Buy", "1", "10", "order_id", "\"o\\u0000\""),
                fill("notional-1e21", asset, "Buy", "1e9", "1e12"),
                fill("opening-1e12", asset, "Buy", "1e12", "1"),
                fill("realizing-1e24", asset, "Sell", "1e12", "1e12"),
                fill("far-future", asset, "Buy", "1", "10", "executed_at", "9999999999999999"),
                fill("year-294277", asset, "Buy", "1", "10", "executed_at", "\"+294277-01-01T00:00:00Z\""),
                fill("before-1970", asset, "Buy", "1", "10", "executed_at", "-1"),
                fill("valid-after", asset, "Buy", "2", "10"));
        app.publish(queues.orderExecuted(), messages);

        await().atMost(Duration.ofSeconds(30)).until(() -> positionSize(asset) != null
                && positionSize(asset).compareTo(new BigDecimal("1000000000002")) == 0);
        Map<String, String> reasons = deadLetterReasons(queues.orderExecuted(), 8);
        assertThat(reasons.get(id("long-exec-id"))).contains("exec_id is 300 characters long, more than 255")
                .contains("(300 characters)");
        assertThat(reasons.get(id("long-trace-id"))).contains("trace_id is 256 characters long");
        assertThat(reasons.get(id("nul-order-id"))).contains("order_id contains a NUL character");
        assertThat(reasons.get(id("notional-1e21"))).contains("quantity × price is beyond 1000000000000000");
        assertThat(reasons.get(id("realizing-1e24"))).contains("quantity × price is beyond");
        assertThat(reasons.get(id("far-future"))).contains("executed_at is outside 1970-01-01T00:00:00Z");
        assertThat(reasons.get(id("year-294277"))).contains("executed_at is outside");
        assertThat(reasons.get(id("before-1970"))).contains("executed_at is outside");
    }

    @Test
    void an_80_kb_header_and_a_60_000_character_asset_do_not_block_the_queue_and_the_dead_letter_stays_small() {
        String asset = freshAsset();
        Message hugeHeader = MessageBuilder.fromMessage(fill("huge-header", asset, "Buy", "0", "10"))
                .setHeader("x-trace-context", "h".repeat(80_000))
                .setHeader("x-small", "kept")
                .build();
        Message hugeAsset = fill("huge-asset", "A".repeat(60_000), "Buy", "1", "10");
        app.publish(queues.orderExecuted(), List.of(hugeHeader, hugeAsset));
        app.publish(queues.orderExecuted(), List.of(fill("after-huge", asset, "Buy", "3", "10")));

        await().atMost(Duration.ofSeconds(30)).until(() -> positionSize(asset) != null);
        assertThat(positionSize(asset)).isEqualByComparingTo("3");
        List<Message> deadLetters = drainDeadLetters(queues.orderExecuted(), 2);
        Map<String, Message> byId = deadLetters.stream().collect(Collectors.toMap(
                message -> message.getMessageProperties().getMessageId(), Function.identity()));
        Message header = byId.get(id("huge-header"));
        assertThat(header.getMessageProperties().getHeaders())
                .doesNotContainKey("x-trace-context")
                .containsEntry("x-small", "kept")
                .containsEntry(DeadLetterPublisher.OMITTED_HEADERS, 1);
        assertThat(header.getMessageProperties().getHeader(DeadLetterPublisher.REASON).toString())
                .contains("quantity must be positive");
        String assetReason = byId.get(id("huge-asset")).getMessageProperties().getHeader(DeadLetterPublisher.REASON);
        assertThat(assetReason).contains("asset is 60000 characters long").contains("… (60000 characters)")
                .hasSizeLessThan(Abbreviation.MAX_REASON_CHARACTERS + 40);
        assertThat(byId.get(id("huge-asset")).getBody()).isEqualTo(hugeAsset.getBody());
    }

    @Test
    void poison_messages_with_a_per_message_ttl_stay_in_the_dead_letter_queue() throws InterruptedException {
        List<Message> expiring = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expiring.add(MessageBuilder.withBody(("not json " + i).getBytes(StandardCharsets.UTF_8))
                    .setMessageId(id("expiring-" + i)).setExpiration("3000")
                    .setDeliveryMode(MessageDeliveryMode.PERSISTENT).build());
        }
        app.publish(queues.orderEvents(), expiring);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> app.messageCount(IngestProperties.deadLetterQueue(queues.orderEvents())) >= 5);
        Thread.sleep(5_000);
        List<Message> deadLetters = app.drain(IngestProperties.deadLetterQueue(queues.orderEvents()));
        assertThat(deadLetters).hasSize(5)
                .allSatisfy(deadLetter -> assertThat(deadLetter.getMessageProperties().getExpiration()).isNull());
    }

    @Test
    void a_message_labelled_as_something_the_service_does_not_read_is_dead_lettered_and_unlabelled_json_applies() {
        String asset = freshAsset();
        Message gzip = labelled(fill("gzip", asset, "Buy", "1", "10"), "application/json", "gzip");
        Message plainText = labelled(fill("text-plain", asset, "Buy", "1", "10"), "text/plain", null);
        Message latin1 = labelled(fill("latin-1", asset, "Buy", "1", "10"),
                "application/json; charset=ISO-8859-1", null);
        Message noType = labelled(fill("unlabelled", asset, "Buy", "1", "10"), null, null);
        Message utf8 = labelled(fill("utf-8", asset, "Buy", "2", "10"), "Application/JSON; charset=utf-8",
                "UTF-8");
        app.publish(queues.orderExecuted(), List.of(gzip, plainText, latin1, noType, utf8));

        await().atMost(Duration.ofSeconds(30)).until(() -> positionSize(asset) != null
                && positionSize(asset).compareTo(new BigDecimal("3")) == 0);
        Map<String, String> reasons = deadLetterReasons(queues.orderExecuted(), 3);
        assertThat(reasons.get(id("gzip"))).startsWith("content_encoding 'gzip' is not decoded");
        assertThat(reasons.get(id("text-plain"))).startsWith("content_type 'text/plain' is not JSON");
        assertThat(reasons.get(id("latin-1"))).contains("charset other than UTF-8");
    }

    @Test
    void a_dead_letter_that_cannot_be_published_is_replaced_by_a_minimal_one_and_the_batch_goes_on() {
        // a header name longer than AMQP's 255-byte short string cannot be sent: the full dead letter fails
        Message unsendable = MessageBuilder.withBody("{".getBytes(StandardCharsets.UTF_8))
                .setMessageId(id("unsendable")).setHeader("k".repeat(300), "v").setHeader("x-small", "dropped too")
                .build();
        Message ordinary = MessageBuilder.withBody("[]".getBytes(StandardCharsets.UTF_8))
                .setMessageId(id("ordinary")).setHeader("x-small", "kept").build();
        app.context.getBean(DeadLetterPublisher.class).publish(queues.wsPosition(), List.of(
                new DeadLetterPublisher.Rejected(unsendable, "not JSON: test"),
                new DeadLetterPublisher.Rejected(ordinary, "payload must be a JSON object")));

        Map<String, Message> byId = drainDeadLetters(queues.wsPosition(), 2).stream().collect(Collectors.toMap(
                message -> message.getMessageProperties().getMessageId(), Function.identity()));
        Map<String, Object> minimal = byId.get(id("unsendable")).getMessageProperties().getHeaders();
        assertThat(minimal).containsEntry(DeadLetterPublisher.REASON, "not JSON: test")
                .containsEntry(DeadLetterPublisher.ORIGINAL_QUEUE, queues.wsPosition())
                .containsEntry(DeadLetterPublisher.ORIGINAL_MESSAGE_ID, id("unsendable"))
                .doesNotContainKey("x-small");
        assertThat(byId.get(id("unsendable")).getBody()).isEqualTo(unsendable.getBody());
        assertThat(byId.get(id("ordinary")).getMessageProperties().getHeaders()).containsEntry("x-small", "kept");
    }

    @Test
    void a_dead_letter_keeps_the_original_user_id() {
        String user = ((CachingConnectionFactory) app.context.getBean(ConnectionFactory.class)).getUsername();
        Message withUser = MessageBuilder.withBody("{".getBytes(StandardCharsets.UTF_8))
                .setMessageId(id("with-user")).setUserId(user).build();
        app.publish(queues.wsPosition(), List.of(withUser));
        Message deadLetter = drainDeadLetters(queues.wsPosition(), 1).get(0);
        assertThat(deadLetter.getMessageProperties().getHeaders())
                .containsEntry(DeadLetterPublisher.ORIGINAL_USER_ID, user);
    }

    private static Message labelled(Message message, String contentType, String contentEncoding) {
        message.getMessageProperties().setContentType(contentType);
        message.getMessageProperties().setContentEncoding(contentEncoding);
        return message;
    }

    private static BigDecimal positionSize(String asset) {
        var figures = app.figures(PositionId.of(asset, PositionMode.ONE_WAY));
        return figures == null ? null : figures.size();
    }

    private static Map<String, String> deadLetterReasons(String queue, int count) {
        return drainDeadLetters(queue, count).stream().collect(Collectors.toMap(
                message -> message.getMessageProperties().getMessageId(),
                message -> String.valueOf(
                        message.getMessageProperties().getHeaders().get(DeadLetterPublisher.REASON))));
    }

    private static List<Message> drainDeadLetters(String queue, int count) {
        List<Message> drained = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            drained.addAll(app.drain(IngestProperties.deadLetterQueue(queue)));
            return drained.size() >= count;
        });
        assertThat(drained).hasSize(count);
        return drained;
    }

    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    private static String id(String name) {
        return "hardening-" + RUN + "-" + name;
    }

    private static String freshAsset() {
        return "H" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    /** A one-way fill; {@code overrides} are more members, name then raw JSON value, replacing defaults. */
    private static Message fill(String name, String asset, String side, String quantity, String price,
                                String... overrides) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("order_id", "\"" + id(name) + "-order\"");
        members.put("asset", "\"" + asset + "\"");
        members.put("side", "\"" + side + "\"");
        members.put("filled_quantity", "\"" + quantity + "\"");
        members.put("execution_price", "\"" + price + "\"");
        members.put("mode", "\"one-way\"");
        members.put("exec_id", "\"" + id(name) + "\"");
        for (int i = 0; i < overrides.length; i += 2) {
            members.put(overrides[i], overrides[i + 1]);
        }
        return IngestApp.json(id(name), members.entrySet().stream()
                .map(member -> "\"" + member.getKey() + "\":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}")));
    }
}
