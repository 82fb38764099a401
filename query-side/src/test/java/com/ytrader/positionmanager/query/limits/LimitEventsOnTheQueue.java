package com.ytrader.positionmanager.query.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.eventstore.StoredTokens;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** The limit events a test caused: read from {@code position-manager.limit_exceeded} once the evaluator caught up. */
public final class LimitEventsOnTheQueue {

    public record Received(String messageId, JsonNode body) {

        public String text(String field) {
            return LimitEventsOnTheQueue.text(body, field);
        }
    }

    private final RabbitTemplate rabbit;
    private final ObjectMapper json;
    private final StoredTokens tokens;
    private final JdbcTemplate jdbc;

    public LimitEventsOnTheQueue(RabbitTemplate rabbit, ObjectMapper json, StoredTokens tokens, JdbcTemplate jdbc) {
        this.rabbit = rabbit;
        this.json = json;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /** Waits until the limit evaluator, in whichever instance holds its segment, has judged every stored event. */
    public void awaitEvaluator() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(this::evaluatorCaughtUp);
    }

    /** The evaluator's stored token is at the newest event: every event's batch committed. */
    public boolean evaluatorCaughtUp() {
        long head = jdbc.queryForObject("SELECT COALESCE(max(global_index), -1) FROM domain_event_entry", Long.class);
        return tokens.all().stream().filter(token -> token.processor().equals(LimitEvaluator.PROCESSING_GROUP))
                .anyMatch(token -> token.position().orElse(-1) >= head);
    }

    /** Every limit event on the queue now that {@code wanted} picks, in order; the others are dropped. */
    public List<Received> drain(Predicate<JsonNode> wanted) {
        List<Received> received = new ArrayList<>();
        for (Message message = rabbit.receive(LimitEvent.QUEUE, 1000); message != null;
             message = rabbit.receive(LimitEvent.QUEUE, 200)) {
            JsonNode body = read(message);
            if (wanted.test(body)) {
                received.add(new Received(message.getMessageProperties().getMessageId(), body));
            }
        }
        return received;
    }

    /** The events about one asset's positions. */
    public List<Received> drainOf(String asset) {
        return drain(event -> asset.equals(text(event, "asset")));
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private JsonNode read(Message message) {
        try {
            return json.readTree(message.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
