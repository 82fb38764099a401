package com.ytrader.positionmanager.query.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FillRelationship;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.processing.ReadModels;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No projection can be stopped by one event: an event the read models cannot store, written into the event store
 * past the command side's checks, is parked with its cause while the other positions of its segment keep
 * updating; health, the metric and the admin endpoint show it; a retry after the cause is gone processes it, and
 * an eviction drops it.
 */
class DeadLetteredProjectionTest extends QuerySideTest {

    private static final String ADMIN_KEY = "admin-test-key";
    private static final int SEGMENTS = 4;

    @Autowired
    private EventStore eventStore;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ObjectMapper json;
    @LocalServerPort
    private int port;

    @Test
    void an_unstorable_event_is_parked_its_segment_keeps_updating_and_health_metric_and_admin_endpoint_show_it() {
        String bad = uniqueAsset("DLQBAD");
        String badPosition = PositionId.of(bad, PositionMode.ONE_WAY);
        List<String> neighbours = assetsInSegmentOf(badPosition, 2);
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        long parkedBefore = parkedReadModelEvents();

        fill(neighbours.get(0), PositionMode.ONE_WAY, null, uniqueAsset("f"), Side.BUY, "1", "100", "0", at);
        append(badPosition, 0, fillApplied(bad, "x".repeat(300), "1", "100"));
        append(badPosition, 1, fillApplied(bad, "later-fill", "2", "100"));
        // the other repros, as events: entry notional 1e21 (Buy 1e9 @ 1e12), a fill in the year 294277
        String bigNotional = uniqueAsset("DLQNOT");
        append(PositionId.of(bigNotional, PositionMode.ONE_WAY), 0, fillApplied(bigNotional, "n-1", "1e9", "1e12"));
        String farFuture = uniqueAsset("DLQFUT");
        append(PositionId.of(farFuture, PositionMode.ONE_WAY), 0,
                withExecutedAt(fillApplied(farFuture, "f-1", "1", "100"), Instant.parse("+294277-01-01T00:00:00Z")));
        fill(neighbours.get(1), PositionMode.ONE_WAY, null, uniqueAsset("f"), Side.BUY, "2", "100", "0", at);
        fill(neighbours.get(0), PositionMode.ONE_WAY, null, uniqueAsset("f"), Side.BUY, "3", "100", "0", at);
        awaitProjections();

        assertDecimal(get("/api/v1/positions/" + neighbours.get(0)).body().path("size"), "4");
        assertDecimal(get("/api/v1/positions/" + neighbours.get(1)).body().path("size"), "2");
        assertThat(get("/api/v1/positions/" + bad).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM position_timeline WHERE position_id = ?", Long.class,
                badPosition)).isZero();
        assertThat(get("/api/v1/positions/" + bigNotional).status()).isEqualTo(404);
        assertThat(get("/api/v1/positions/" + farFuture).status()).isEqualTo(404);

        Response health = get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("degraded");
        assertThat(health.body().path("dead_letters").path(ReadModels.PROCESSING_GROUP).asLong())
                .isEqualTo(parkedBefore + 4);
        assertThat(meters.get(DeadLetterMetrics.METRIC).tag("processing_group", ReadModels.PROCESSING_GROUP)
                .gauge().value()).isEqualTo(parkedBefore + 4.0);

        assertThat(get("/api/v1/admin/dead-letters").status()).isEqualTo(403);
        JsonNode listing = get("/api/v1/admin/dead-letters", ADMIN_KEY).body();
        List<JsonNode> parked = new ArrayList<>();
        listing.path("dead_letters").forEach(parked::add);
        assertThat(parked).filteredOn(letter -> letter.path("sequence_id").asText().equals(badPosition))
                .hasSize(2)
                .anySatisfy(letter -> {
                    assertThat(letter.path("cause_type").asText()).endsWith("UnstorableEventException");
                    assertThat(letter.path("cause_message").asText())
                            .contains("FillApplied.fillId is 300 characters long, more than 255");
                });
        assertThat(parked).filteredOn(letter -> letter.path("sequence_id").asText().startsWith(bigNotional))
                .singleElement().satisfies(letter -> assertThat(letter.path("cause_message").asText())
                        .contains("FillApplied.position.entryNotional does not fit NUMERIC(38,18)"));
        assertThat(parked).filteredOn(letter -> letter.path("sequence_id").asText().startsWith(farFuture))
                .singleElement().satisfies(letter -> assertThat(letter.path("cause_message").asText())
                        .contains("executedAt is outside"));

        JsonNode evicted = exchange("DELETE", "/api/v1/admin/dead-letters/read-models/" + badPosition);
        assertThat(evicted.path("evicted").asInt()).isEqualTo(2);
        for (String asset : List.of(bigNotional, farFuture)) {
            String position = PositionId.of(asset, PositionMode.ONE_WAY);
            assertThat(exchange("DELETE", "/api/v1/admin/dead-letters/read-models/" + position).path("evicted")
                    .asInt()).isEqualTo(1);
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", position);
        }
        assertThat(parkedReadModelEvents()).isEqualTo(parkedBefore);
        if (parkedBefore == 0) {
            assertThat(get("/health", null).body().path("status").asText()).isEqualTo("healthy");
        }
        // the store keeps what was written past the checks; a later replay would park it again
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", badPosition);
    }

    @Test
    void a_parked_event_and_those_queued_behind_it_are_processed_in_order_by_a_retry_once_the_cause_is_gone() {
        String asset = uniqueAsset("DLQRETRY");
        String position = PositionId.of(asset, PositionMode.ONE_WAY);
        Instant at = Instant.parse("2026-11-30T11:00:00Z");
        long parkedBefore = parkedReadModelEvents();
        FailingHandlerProbe.FAILING_POSITIONS.add(position);
        try {
            fill(asset, PositionMode.ONE_WAY, null, uniqueAsset("f"), Side.BUY, "1", "100", "0", at);
            fill(asset, PositionMode.ONE_WAY, null, uniqueAsset("f"), Side.BUY, "1", "200", "0", at.plusSeconds(1));
            awaitProjections();
            assertThat(get("/api/v1/positions/" + asset).status()).isEqualTo(404);
            JsonNode stillFailing = exchange("POST", "/api/v1/admin/dead-letters/read-models/retry");
            assertThat(stillFailing.path("still_parked").asLong()).isEqualTo(parkedBefore + 2);
        } finally {
            FailingHandlerProbe.FAILING_POSITIONS.remove(position);
        }

        JsonNode retried = exchange("POST", "/api/v1/admin/dead-letters/read-models/retry");
        assertThat(retried.path("sequences_processed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(retried.path("still_parked").asLong()).isEqualTo(parkedBefore);
        Response row = get("/api/v1/positions/" + asset);
        assertThat(row.status()).isEqualTo(200);
        assertDecimal(row.body().path("size"), "2");
        assertDecimal(row.body().path("average_entry_price"), "150");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM position_timeline WHERE position_id = ?", Long.class,
                position)).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, position));
    }

    private long parkedReadModelEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class,
                ReadModels.PROCESSING_GROUP);
    }

    private JsonNode exchange(String method, String path) {
        return RestClient.create("http://127.0.0.1:" + port).method(HttpMethod.valueOf(method))
                .uri(path).header("X-API-Key", ADMIN_KEY)
                .exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).as("%s %s", method, path).isEqualTo(200);
                    try {
                        return json.readTree(response.getBody().readAllBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** Written straight into the event store: no command, no check of the command side. */
    private void append(String positionId, long sequence, FillApplied event) {
        eventStore.publish(new GenericDomainEventMessage<>("Position", positionId, sequence, event));
    }

    private static FillApplied fillApplied(String asset, String fillId, String quantity, String price) {
        BigDecimal size = new BigDecimal(quantity);
        PositionFigures figures = new PositionFigures(
                List.of(new LegFigures(0, size, new BigDecimal(price), BigDecimal.ZERO, BigDecimal.ZERO)),
                new BigDecimal(price), BigDecimal.ZERO, 1, LifecycleFigures.none());
        return new FillApplied(PositionId.of(asset, PositionMode.ONE_WAY), asset, PositionMode.ONE_WAY, 0, fillId,
                "order-" + fillId, Side.BUY, size, new BigDecimal(price), BigDecimal.ZERO,
                Instant.parse("2026-11-30T10:00:01Z"), FillRelationship.OPENED, size, BigDecimal.ZERO, null, null, null,
                false, null, figures);
    }

    private static FillApplied withExecutedAt(FillApplied fill, Instant executedAt) {
        return new FillApplied(fill.positionId(), fill.asset(), fill.mode(), fill.positionIdx(), fill.fillId(),
                fill.orderId(), fill.side(), fill.quantity(), fill.price(), fill.fee(), executedAt,
                fill.relationship(), fill.sizeDelta(), fill.realizedPnl(), fill.seq(), fill.feeCurrency(),
                fill.closeReason(), fill.covered(), fill.order(), fill.position());
    }

    /** Fresh assets whose positions fall in the same segment of the read-model processor as {@code positionId}. */
    private static List<String> assetsInSegmentOf(String positionId, int count) {
        int segment = positionId.hashCode() & (SEGMENTS - 1);
        List<String> assets = new ArrayList<>();
        while (assets.size() < count) {
            String asset = uniqueAsset("DLQOK");
            if ((PositionId.of(asset, PositionMode.ONE_WAY).hashCode() & (SEGMENTS - 1)) == segment) {
                assets.add(asset);
            }
        }
        return assets;
    }
}
