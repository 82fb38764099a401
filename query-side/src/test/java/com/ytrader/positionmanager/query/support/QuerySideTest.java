package com.ytrader.positionmanager.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ReportExchangePosition;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real commands through the command bus into the PostgreSQL event store, the query side's processors reading
 * them back from the store, and real HTTP against the query side's REST API.
 */
@SpringBootTest(classes = BothSides.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class QuerySideTest {

    protected static final String API_KEY = "test-key";

    @LocalServerPort
    private int port;
    @Autowired
    protected CommandGateway commands;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    private ObjectMapper json;

    protected record Response(int status, HttpHeaders headers, JsonNode body) {
    }

    protected static String uniqueAsset(String prefix) {
        StringBuilder asset = new StringBuilder(prefix);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 8; i++) {
            asset.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return asset.toString();
    }

    protected void fill(String asset, PositionMode mode, Integer positionIdx, String fillId, Side side,
                        String quantity, String price, String fee, Instant executedAt) {
        commands.sendAndWait(ApplyFill.of(asset, mode, positionIdx, fillId, "order-" + fillId, side,
                new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee), executedAt));
    }

    protected void report(String asset, PositionMode mode, int positionIdx, String size, String entryPrice,
                          String markPrice, String unrealizedPnl, String realizedPnl, long seq, Instant updatedTime) {
        commands.sendAndWait(ReportExchangePosition.of(asset, mode, positionIdx, new BigDecimal(size),
                entryPrice == null ? null : new BigDecimal(entryPrice), new BigDecimal(markPrice),
                new BigDecimal(unrealizedPnl), new BigDecimal(realizedPnl), seq, updatedTime));
    }

    /** Waits until the read-model processor has handled every event in the store. */
    protected void awaitProjections() {
        long head = jdbc.queryForObject("SELECT COALESCE(max(global_index), -1) FROM domain_event_entry", Long.class);
        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            // every segment claimed (their shares of the stream add up to one) and past the head of the store
            double claimed = status.values().stream()
                    .mapToDouble(segment -> 1.0 / (segment.getSegment().getMask() + 1)).sum();
            return claimed > 0.999 && status.values().stream()
                    .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
        });
    }

    /** The position as it stood at {@code at}, through {@code GET /positions/{asset}/as-of}. */
    protected Response asOf(String asset, PositionMode mode, Instant at, boolean inclusive, Instant knownAt) {
        return get("/api/v1/positions/" + asset + "/as-of?mode=" + mode.wireName() + "&timestamp=" + at
                + "&inclusive=" + inclusive + (knownAt == null ? "" : "&known_at=" + knownAt));
    }

    protected Response asOf(String asset, Instant at) {
        return asOf(asset, PositionMode.ONE_WAY, at, true, null);
    }

    protected Response get(String path) {
        return get(path, API_KEY);
    }

    protected Response get(String path, String apiKey) {
        RestClient.RequestHeadersSpec<?> request = RestClient.create("http://127.0.0.1:" + port).get().uri(path);
        if (apiKey != null) {
            request = request.header("X-API-Key", apiKey);
        }
        return request.exchange((req, res) -> {
            byte[] body = res.getBody().readAllBytes();
            return new Response(res.getStatusCode().value(), res.getHeaders(), parse(body));
        });
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.nullNode() : json.readTree(body);
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    protected static void assertDecimal(JsonNode node, String expected) {
        assertThat(node.isTextual()).as("%s is a JSON string", node).isTrue();
        assertThat(new BigDecimal(node.asText())).isEqualByComparingTo(expected);
    }
}
