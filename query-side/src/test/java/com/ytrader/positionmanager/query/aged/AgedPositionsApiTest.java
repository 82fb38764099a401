package com.ytrader.positionmanager.query.aged;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class AgedPositionsApiTest extends AgedTestSupport {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void the_latest_entry_is_served_field_by_field_with_its_history_oldest_first() {
        String asset = uniqueAsset("AAP");
        Leg leg = openLeg(asset, PositionMode.ONE_WAY, 0, Side.BUY, now);
        Instant progressive = now.plus(Duration.ofHours(8));
        phase(leg, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now);
        phase(leg, AgedPhase.DETECTED, AgedPhase.GRACE_PENDING, "98", "100.11", "0", "in loss", now);
        phase(leg, AgedPhase.GRACE_PENDING, AgedPhase.PROGRESSIVE_ACTIVE, "99", "99.5", "0.5", "grace over",
                progressive);
        closeRequested(leg, "req-" + asset, AgedCloseReason.AGED_PROGRESSIVE, AgedPhase.PROGRESSIVE_ACTIVE, "99.5",
                "99.6", 1, progressive.plusSeconds(1));
        awaitProjections();

        Response response = get("/api/v1/aged-positions/" + asset);

        assertThat(response.status()).isEqualTo(200);
        JsonNode entry = response.body();
        assertThat(entry.get("aged_id").asText()).isEqualTo(leg.agedId());
        assertThat(entry.get("asset").asText()).isEqualTo(asset);
        assertThat(entry.get("mode").asText()).isEqualTo("one-way");
        assertThat(entry.get("position_idx").asInt()).isZero();
        assertThat(entry.get("lifecycle").asInt()).isEqualTo(1);
        assertThat(entry.get("side").asText()).isEqualTo("Buy");
        assertDecimal(entry.get("entry_price"), "100");
        assertThat(entry.get("status").asText()).isEqualTo("progressive_active");
        assertThat(Instant.parse(entry.get("status_since").asText())).isEqualTo(progressive);
        assertThat(Instant.parse(entry.get("detected_at").asText())).isEqualTo(now);
        assertThat(Instant.parse(entry.get("grace_started_at").asText())).isEqualTo(now);
        assertThat(Instant.parse(entry.get("progressive_started_at").asText())).isEqualTo(progressive);
        assertThat(entry.get("closed_at").isNull()).isTrue();
        assertDecimal(entry.get("target_price"), "99.5");
        assertDecimal(entry.get("current_loss_tolerance_percent"), "0.5");
        assertDecimal(entry.get("breakeven_price"), "100.11");
        assertThat(entry.get("close_attempts").asInt()).isEqualTo(1);
        assertThat(entry.get("last_request_id").asText()).isEqualTo("req-" + asset);
        assertDecimal(entry.get("hours_in_grace"), "8");
        assertThat(entry.get("hours_in_progressive").isNull()).isTrue();
        assertThat(entry.get("close_price").isNull()).isTrue();
        assertThat(entry.get("actual_pnl_percent").isNull()).isTrue();
        assertThat(entry.get("close_reason").asText()).as("the requested one").isEqualTo("aged_progressive");
        assertThat(entry.get("updated_at").asText()).endsWith("Z");

        List<JsonNode> history = elements(entry.get("history"));
        assertThat(history).extracting(h -> h.get("to_status").asText())
                .containsExactly("detected", "grace_pending", "progressive_active", "progressive_active");
        assertThat(history).extracting(h -> h.get("sequence_number").asLong()).isSorted();
        assertThat(history.get(0).get("from_status").isNull()).isTrue();
        assertThat(history.get(0).get("target_price").isNull()).isTrue();
        assertDecimal(history.get(0).get("current_price"), "98");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("open for 3 hours");
        assertThat(history.get(2).get("from_status").asText()).isEqualTo("grace_pending");
        assertDecimal(history.get(2).get("target_price"), "99.5");
        assertDecimal(history.get(2).get("loss_tolerance_percent"), "0.5");
        assertThat(Instant.parse(history.get(2).get("at").asText())).isEqualTo(progressive);
        JsonNode request = history.get(3);
        assertThat(request.get("event_type").asText()).isEqualTo("AgedCloseRequested");
        assertThat(request.get("request_id").asText()).isEqualTo("req-" + asset);
        assertThat(request.get("attempt").asInt()).isEqualTo(1);
        assertDecimal(request.get("current_price"), "99.6");
        assertThat(history.get(0).get("request_id").isNull()).isTrue();
    }

    @Test
    void a_position_that_never_aged_is_a_404_problem() {
        String asset = uniqueAsset("AAN");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", now);
        awaitProjections();

        for (String path : List.of("/api/v1/aged-positions/" + asset, "/api/v1/aged-positions/" + asset + "?mode=hedge",
                "/api/v1/aged-positions/" + uniqueAsset("NONE"))) {
            Response response = get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(response.body().get("detail").asText()).contains("never aged");
        }
    }

    @Test
    void in_hedge_mode_without_position_idx_the_latest_entry_of_either_leg_is_served_and_with_it_that_legs() {
        String asset = uniqueAsset("AAH");
        Leg longLeg = openLeg(asset, PositionMode.HEDGE, 1, Side.BUY, now);
        Leg shortLeg = openLeg(asset, PositionMode.HEDGE, 2, Side.SELL, now.plusSeconds(1));
        phase(longLeg, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now.plusSeconds(10));
        phase(shortLeg, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now.plusSeconds(20));
        phase(longLeg, AgedPhase.DETECTED, AgedPhase.GRACE_ACTIVE, "98", "100.11", "0", "in loss",
                now.plusSeconds(30));
        awaitProjections();

        JsonNode latest = get("/api/v1/aged-positions/" + asset + "?mode=hedge").body();
        JsonNode longEntry = get("/api/v1/aged-positions/" + asset + "?mode=hedge&position_idx=1").body();
        JsonNode shortEntry = get("/api/v1/aged-positions/" + asset + "?mode=hedge&position_idx=2").body();

        assertThat(latest.get("aged_id").asText()).as("detected last").isEqualTo(shortLeg.agedId());
        assertThat(latest.get("position_idx").asInt()).isEqualTo(2);
        assertThat(longEntry.get("aged_id").asText()).isEqualTo(longLeg.agedId());
        assertThat(longEntry.get("status").asText()).isEqualTo("grace_active");
        assertThat(longEntry.get("history").size()).isEqualTo(2);
        assertThat(shortEntry.get("aged_id").asText()).isEqualTo(shortLeg.agedId());
        assertThat(shortEntry.get("side").asText()).isEqualTo("Sell");
        assertThat(get("/api/v1/aged-positions/" + asset).status()).as("no one-way position").isEqualTo(404);
    }

    @Test
    void the_list_filters_by_status_asset_and_mode_newest_detection_first_and_is_bounded_by_limit() {
        String asset = uniqueAsset("AAL");
        Leg oneWay = openLeg(asset, PositionMode.ONE_WAY, 0, Side.BUY, now);
        Leg hedgeLong = openLeg(asset, PositionMode.HEDGE, 1, Side.BUY, now);
        Leg hedgeShort = openLeg(asset, PositionMode.HEDGE, 2, Side.SELL, now);
        phase(oneWay, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now.plusSeconds(1));
        phase(hedgeLong, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now.plusSeconds(2));
        phase(hedgeShort, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now.plusSeconds(3));
        phase(hedgeLong, AgedPhase.DETECTED, AgedPhase.GRACE_PENDING, "98", "100.11", "0", "in loss",
                now.plusSeconds(4));
        awaitProjections();

        JsonNode all = get("/api/v1/aged-positions?asset=" + asset).body();
        assertThat(all.get("count").asInt()).isEqualTo(3);
        assertThat(all.get("limit").asInt()).isEqualTo(100);
        assertThat(elements(all.get("aged_positions"))).extracting(e -> e.get("aged_id").asText())
                .containsExactly(hedgeShort.agedId(), hedgeLong.agedId(), oneWay.agedId());
        assertThat(all.get("aged_positions").get(0).has("history")).as("only the single entry has it").isFalse();

        JsonNode detected = get("/api/v1/aged-positions?asset=" + asset + "&status=detected").body();
        assertThat(elements(detected.get("aged_positions"))).extracting(e -> e.get("aged_id").asText())
                .containsExactly(hedgeShort.agedId(), oneWay.agedId());
        JsonNode grace = get("/api/v1/aged-positions?status=grace_pending&asset=" + asset).body();
        assertThat(elements(grace.get("aged_positions"))).extracting(e -> e.get("aged_id").asText())
                .containsExactly(hedgeLong.agedId());
        JsonNode hedge = get("/api/v1/aged-positions?asset=" + asset + "&mode=hedge&limit=1").body();
        assertThat(elements(hedge.get("aged_positions"))).extracting(e -> e.get("aged_id").asText())
                .containsExactly(hedgeShort.agedId());
        assertThat(get("/api/v1/aged-positions?asset=" + asset + "&status=closed").body().get("count").asInt())
                .isZero();
        assertThat(get("/api/v1/aged-positions?status=grace_pending").body().get("aged_positions"))
                .allMatch(e -> e.get("status").asText().equals("grace_pending"));
    }

    @Test
    void a_bad_status_asset_limit_or_leg_is_a_400_problem_naming_the_parameter() {
        String asset = uniqueAsset("AAB");
        for (String query : List.of("/api/v1/aged-positions?status=aged",
                "/api/v1/aged-positions?asset=btc-usdt", "/api/v1/aged-positions?limit=0",
                "/api/v1/aged-positions?limit=1001", "/api/v1/aged-positions?mode=sideways",
                "/api/v1/aged-positions/btc?mode=one-way", "/api/v1/aged-positions/" + asset + "?position_idx=1",
                "/api/v1/aged-positions/" + asset + "?mode=hedge&position_idx=0",
                "/api/v1/aged-positions/" + asset + "?position_idx=x")) {
            Response response = get(query);
            String parameter = query.contains("/btc?") ? "asset"
                    : query.replaceAll(".*[?&]([a-z_]+)=[^&]*$", "$1");
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.headers().getContentType().toString()).as(query)
                    .isEqualTo("application/problem+json");
            assertThat(response.body().get("parameter").asText()).as(query).isEqualTo(parameter);
        }
        assertThat(get("/api/v1/aged-positions?status=bogus").body().get("detail").asText())
                .contains("progressive_active");
        assertThat(get("/api/v1/aged-positions?limit=1000&status=ERROR").status()).as("wire names in any case")
                .isEqualTo(200);
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
