package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ApplyMarkPrice;
import com.ytrader.positionmanager.command.position.TakeSnapshot;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class PositionsApiTest extends QuerySideTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void one_way_position_is_served_field_by_field_with_its_features() {
        String asset = uniqueAsset("BTC");
        Instant opened = now.minus(Duration.ofMinutes(90));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "2", "100", "0.1", opened);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.BUY, "1", "130", "0", opened.plusSeconds(60));
        report(asset, PositionMode.ONE_WAY, 0, "3", "110", "120", "30", "-0.1", 1, now);
        awaitProjections();

        Response response = get("/api/v1/positions/" + asset);

        assertThat(response.status()).isEqualTo(200);
        JsonNode position = response.body();
        assertThat(position.get("id").asText())
                .isEqualTo(PositionIds.of(PositionId.of(asset, PositionMode.ONE_WAY)).toString());
        assertThat(position.get("asset").asText()).isEqualTo(asset);
        assertThat(position.get("mode").asText()).isEqualTo("one-way");
        assertDecimal(position.get("size"), "3");
        assertDecimal(position.get("average_entry_price"), "110");
        assertDecimal(position.get("current_price"), "120");
        assertDecimal(position.get("unrealized_pnl"), "30");
        assertDecimal(position.get("realized_pnl"), "-0.1");
        assertThat(position.get("long_size").isNull()).isTrue();
        assertThat(position.get("short_size").isNull()).isTrue();
        for (String leg : List.of("long_entry_price", "short_entry_price", "long_realized_pnl", "short_realized_pnl")) {
            assertThat(position.get(leg).isNull()).as("%s of a one-way position", leg).isTrue();
        }
        // the exchange's own figures as its report gave them
        assertDecimal(position.get("exchange_size"), "3");
        assertDecimal(position.get("exchange_realized_pnl"), "-0.1");
        assertThat(position.get("exchange_seq").asLong()).isEqualTo(1);
        assertDecimal(position.get("total_fees"), "0.1");
        assertThat(position.get("fees_by_currency").isObject()).isTrue();
        assertThat(position.get("fees_by_currency").size()).isZero();
        assertThat(position.get("close_reason").isNull()).isTrue();
        // 30 / (3 * 110) * 100
        assertDecimal(position.get("unrealized_pnl_pct"), "9.09090909");
        assertThat(position.get("time_held_minutes").asLong()).isBetween(90L, 91L);
        // |3 * 120| / total exposure, the total as the portfolio reports it (nothing changed in between)
        BigDecimal totalExposure = new BigDecimal(get("/api/v1/portfolio/exposure").body()
                .get("total_exposure_usdt").asText());
        assertDecimal(position.get("position_size_norm"),
                new BigDecimal("360").divide(totalExposure, 8, RoundingMode.HALF_EVEN).toPlainString());
        // events 0 opened, 1 and 2 fills, 3 report
        assertThat(position.get("version").asLong()).isEqualTo(3);
        assertThat(Instant.parse(position.get("opened_at").asText())).isEqualTo(opened);
        assertThat(Instant.parse(position.get("created_at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(position.get("last_updated").asText()).endsWith("Z");
        assertThat(position.get("closed_at").isNull()).isTrue();
        assertThat(position.get("last_snapshot_at").isNull()).isTrue();
    }

    @Test
    void closed_position_stays_with_zero_size_and_closed_at() {
        String asset = uniqueAsset("ETH");
        Instant opened = now.minus(Duration.ofMinutes(30));
        Instant closed = now.minus(Duration.ofMinutes(5));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", opened);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.SELL, "1", "110", "0", closed);
        awaitProjections();

        JsonNode position = get("/api/v1/positions/" + asset + "?mode=one-way").body();

        assertDecimal(position.get("size"), "0");
        assertThat(position.get("average_entry_price").isNull()).isTrue();
        assertDecimal(position.get("realized_pnl"), "10");
        assertDecimal(position.get("unrealized_pnl"), "0");
        assertThat(Instant.parse(position.get("closed_at").asText())).isEqualTo(closed);
        assertThat(Instant.parse(position.get("last_snapshot_at").asText())).isEqualTo(closed);
        assertThat(position.get("unrealized_pnl_pct").isNull()).as("no entry notional").isTrue();
        assertThat(position.get("time_held_minutes").isNull()).as("not held any more").isTrue();
        assertThat(position.get("position_size_norm").isNull()).as("no price known").isTrue();
        // 0 opened, 1 and 2 fills, 3 closed
        assertThat(position.get("version").asLong()).isEqualTo(3);

        List<JsonNode> listed = list(get("/api/v1/positions?asset=" + asset).body());
        assertThat(listed).hasSize(1);
        assertDecimal(listed.get(0).get("size"), "0");
    }

    @Test
    void closed_lifecycle_is_kept_as_a_snapshot_newest_first() {
        String asset = uniqueAsset("SOL");
        Instant t0 = now.minus(Duration.ofMinutes(60));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "10", "0", t0);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.SELL, "1", "12", "0", t0.plusSeconds(60));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-3", Side.SELL, "2", "20", "0", t0.plusSeconds(120));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-4", Side.BUY, "2", "15", "0", t0.plusSeconds(180));
        awaitProjections();

        Response page = get("/api/v1/positions/" + asset + "/snapshots");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("count").asInt()).isEqualTo(2);
        assertThat(page.body().get("limit").asInt()).isEqualTo(100);
        assertThat(page.body().get("offset").asInt()).isEqualTo(0);
        JsonNode newest = page.body().get("snapshots").get(0);
        JsonNode oldest = page.body().get("snapshots").get(1);
        assertThat(Instant.parse(newest.get("created_at").asText())).isEqualTo(t0.plusSeconds(180));
        assertThat(Instant.parse(oldest.get("created_at").asText())).isEqualTo(t0.plusSeconds(60));
        assertThat(newest.get("asset").asText()).isEqualTo(asset);
        assertThat(newest.get("mode").asText()).isEqualTo("one-way");
        assertThat(newest.get("position_id").asText())
                .isEqualTo(PositionIds.of(PositionId.of(asset, PositionMode.ONE_WAY)).toString());
        JsonNode data = newest.get("snapshot_data");
        assertThat(data.get("reason").asText()).isEqualTo("position_closed");
        assertThat(data.get("lifecycle").asInt()).isEqualTo(2);
        // short 2 at 20, bought back at 15
        assertDecimal(data.get("lifecycle_realized_pnl"), "10");
        assertDecimal(data.get("average_exit_price"), "15");
        assertDecimal(data.get("size"), "0");
        assertDecimal(oldest.get("snapshot_data").get("lifecycle_realized_pnl"), "2");

        JsonNode second = get("/api/v1/positions/" + asset + "/snapshots?limit=1&offset=1").body();
        assertThat(second.get("count").asInt()).isEqualTo(1);
        assertThat(second.get("snapshots").get(0).get("id").asText()).isEqualTo(oldest.get("id").asText());
        assertThat(get("/api/v1/positions/" + asset + "/snapshots?limit=1000&offset=2").body().get("count").asInt())
                .isZero();
    }

    @Test
    void snapshot_page_size_is_bounded_to_1_to_1000_and_offset_to_non_negative() {
        String asset = uniqueAsset("ADA");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "1", "0", now);
        awaitProjections();

        for (String query : List.of("limit=0", "limit=1001", "offset=-1", "limit=abc")) {
            Response response = get("/api/v1/positions/" + asset + "/snapshots?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(response.body().get("parameter").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(get("/api/v1/positions/" + asset + "/snapshots?limit=1000").status()).isEqualTo(200);
    }

    @Test
    void hedge_position_with_both_legs_open_shows_each_legs_entry_and_realized_pnl_and_no_blended_average() {
        String asset = uniqueAsset("XRP");
        fill(asset, PositionMode.HEDGE, 1, asset + "-1", Side.BUY, "3", "100", "0", now);
        fill(asset, PositionMode.HEDGE, 2, asset + "-2", Side.SELL, "1", "120", "0.5", now);
        // the long leg takes 10 on 1 of its 3
        fill(asset, PositionMode.HEDGE, 1, asset + "-3", Side.SELL, "1", "110", "0", now);
        awaitProjections();

        assertThat(get("/api/v1/positions/" + asset).status()).as("no one-way position").isEqualTo(404);
        JsonNode position = get("/api/v1/positions/" + asset + "?mode=hedge").body();

        assertThat(position.get("mode").asText()).isEqualTo("hedge");
        assertDecimal(position.get("long_size"), "2");
        assertDecimal(position.get("short_size"), "1");
        assertDecimal(position.get("size"), "1");
        assertThat(position.get("average_entry_price").isNull()).as("no blend of a long and a short entry").isTrue();
        assertDecimal(position.get("long_entry_price"), "100");
        assertDecimal(position.get("short_entry_price"), "120");
        assertDecimal(position.get("long_realized_pnl"), "10");
        assertDecimal(position.get("short_realized_pnl"), "-0.5");
        assertDecimal(position.get("realized_pnl"), "9.5");
        assertDecimal(position.get("total_fees"), "0.5");
        assertThat(position.get("exchange_size").isNull()).as("no report yet").isTrue();
        assertThat(position.get("exchange_realized_pnl").isNull()).isTrue();
        assertThat(position.get("exchange_seq").isNull()).isTrue();
        assertThat(position.get("current_price").isNull()).isTrue();
        assertThat(position.get("position_size_norm").isNull()).as("no price known").isTrue();
        assertDecimal(position.get("unrealized_pnl_pct"), "0");

        commands.sendAndWait(TakeSnapshot.of(asset, PositionMode.HEDGE, asset + "-snap", now.plusSeconds(1)));
        awaitProjections();
        JsonNode data = get("/api/v1/positions/" + asset + "/snapshots?mode=hedge").body().get("snapshots").get(0)
                .get("snapshot_data");
        assertThat(data.get("reason").asText()).isEqualTo("snapshot_taken");
        assertThat(data.get("average_entry_price").isNull()).isTrue();
        assertDecimal(data.get("long_entry_price"), "100");
        assertDecimal(data.get("short_entry_price"), "120");
        assertDecimal(data.get("long_realized_pnl"), "10");
        assertDecimal(data.get("short_realized_pnl"), "-0.5");
        assertDecimal(data.get("total_fees"), "0.5");
    }

    @Test
    void hedge_position_with_one_leg_open_has_that_legs_entry_as_its_average() {
        String asset = uniqueAsset("XRO");
        fill(asset, PositionMode.HEDGE, 2, asset + "-1", Side.SELL, "2", "50", "0", now);
        awaitProjections();

        JsonNode position = get("/api/v1/positions/" + asset + "?mode=hedge").body();

        assertDecimal(position.get("average_entry_price"), "50");
        assertDecimal(position.get("short_entry_price"), "50");
        assertThat(position.get("long_entry_price").isNull()).as("the long leg is flat").isTrue();
        assertDecimal(position.get("long_realized_pnl"), "0");
    }

    @Test
    void a_mark_price_sets_the_current_price_and_the_unrealized_pnl_of_each_leg() {
        String asset = uniqueAsset("MRK");
        fill(asset, PositionMode.HEDGE, 1, asset + "-1", Side.BUY, "2", "100", "0", now);
        fill(asset, PositionMode.HEDGE, 2, asset + "-2", Side.SELL, "1", "120", "0", now);
        commands.sendAndWait(ApplyMarkPrice.of(asset, PositionMode.HEDGE, new BigDecimal("110"), PriceSource.WEBSOCKET,
                now.plusSeconds(1)));
        awaitProjections();

        JsonNode position = get("/api/v1/positions/" + asset + "?mode=hedge").body();

        assertDecimal(position.get("current_price"), "110");
        // long 2 × (110 − 100) + short 1 × (120 − 110)
        assertDecimal(position.get("unrealized_pnl"), "30");
        // events 0 opened, 1 and 2 fills, 3 the price
        assertThat(position.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void the_exchanges_own_size_realized_pnl_and_seq_are_shown_beside_ours() {
        String asset = uniqueAsset("EXR");
        Instant t0 = now.minus(Duration.ofMinutes(10));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
        // the exchange reports a size our fills do not explain (yet), with its own cumRealisedPnl
        report(asset, PositionMode.ONE_WAY, 0, "1.5", "100", "104", "6", "-0.3", 41, t0.plusSeconds(5));
        awaitProjections();

        JsonNode position = get("/api/v1/positions/" + asset).body();

        assertDecimal(position.get("size"), "1");
        assertDecimal(position.get("exchange_size"), "1.5");
        assertDecimal(position.get("exchange_realized_pnl"), "-0.3");
        assertThat(position.get("exchange_seq").isIntegralNumber()).isTrue();
        assertThat(position.get("exchange_seq").asLong()).isEqualTo(41);
        assertDecimal(position.get("current_price"), "104");
    }

    @Test
    void a_fee_paid_in_btc_is_totalled_per_currency_and_not_in_the_settle_currency_fees() {
        String asset = uniqueAsset("FEE") + "USDT";
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-1", "order-" + asset,
                Side.BUY, new BigDecimal("1"), new BigDecimal("100"), new BigDecimal("0.0001"), now, null, "BTC",
                null));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.BUY, "1", "100", "0.2", now.plusSeconds(1));
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-3", "order-" + asset + "-3",
                Side.BUY, new BigDecimal("1"), new BigDecimal("100"), new BigDecimal("0.00005"), now.plusSeconds(2),
                null, "BTC", null));
        awaitProjections();

        JsonNode position = get("/api/v1/positions/" + asset).body();

        JsonNode fees = position.get("fees_by_currency");
        assertThat(fees.size()).isEqualTo(1);
        assertDecimal(fees.get("BTC"), "0.00015");
        assertDecimal(position.get("total_fees"), "0.2");
        assertDecimal(position.get("realized_pnl"), "-0.2");
        JsonNode listed = list(get("/api/v1/positions?asset=" + asset).body()).get(0);
        assertThat(listed.get("fees_by_currency")).isEqualTo(fees);
    }

    @Test
    void a_liquidation_closes_the_position_with_close_reason_liquidated_in_the_row_and_its_snapshot() {
        String asset = uniqueAsset("LIQ");
        Instant opened = now.minus(Duration.ofMinutes(20));
        Instant liquidated = now.minus(Duration.ofMinutes(2));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "2", "100", "0", opened);
        awaitProjections();
        JsonNode open = get("/api/v1/positions/" + asset).body();
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-liq", "liq-" + asset,
                Side.SELL, new BigDecimal("2"), new BigDecimal("80"), BigDecimal.ZERO, liquidated, null, null,
                CloseReason.LIQUIDATED));
        awaitProjections();

        JsonNode position = get("/api/v1/positions/" + asset).body();

        assertThat(open.get("close_reason").isNull()).isTrue();
        assertDecimal(position.get("size"), "0");
        assertDecimal(position.get("realized_pnl"), "-40");
        assertThat(position.get("close_reason").asText()).isEqualTo("liquidated");
        assertThat(Instant.parse(position.get("closed_at").asText())).isEqualTo(liquidated);
        JsonNode snapshot = get("/api/v1/positions/" + asset + "/snapshots").body().get("snapshots").get(0);
        assertThat(snapshot.get("snapshot_data").get("reason").asText()).isEqualTo("position_closed");
        assertThat(snapshot.get("snapshot_data").get("close_reason").asText()).isEqualTo("liquidated");

        // a new lifecycle is not liquidated
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.BUY, "1", "90", "0", now);
        awaitProjections();
        assertThat(get("/api/v1/positions/" + asset).body().get("close_reason").isNull()).isTrue();
    }

    @Test
    void list_filters_by_asset_mode_and_size_range() {
        String asset = uniqueAsset("DOT");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.SELL, "5", "10", "0", now);
        fill(asset, PositionMode.HEDGE, 1, asset + "-2", Side.BUY, "3", "10", "0", now);
        awaitProjections();

        assertThat(sizes("/api/v1/positions?asset=" + asset)).containsExactly(Map.entry("hedge", "3"),
                Map.entry("one-way", "-5"));
        assertThat(sizes("/api/v1/positions?asset=" + asset + "&mode=one-way"))
                .containsExactly(Map.entry("one-way", "-5"));
        assertThat(sizes("/api/v1/positions?asset=" + asset + "&size_min=0")).containsExactly(Map.entry("hedge", "3"));
        assertThat(sizes("/api/v1/positions?asset=" + asset + "&size_max=-5")).containsExactly(Map.entry("one-way", "-5"));
        assertThat(sizes("/api/v1/positions?asset=" + asset + "&size_min=-5&size_max=3")).hasSize(2);
        assertThat(sizes("/api/v1/positions?asset=" + asset + "&size_min=3.5")).isEmpty();
        JsonNode all = get("/api/v1/positions?asset=" + asset).body();
        assertThat(all.get("count").asInt()).isEqualTo(2);
    }

    @Test
    void absent_position_is_404_problem_json() {
        Response response = get("/api/v1/positions/" + uniqueAsset("NONE") + "?mode=hedge");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(404);
        assertThat(response.body().get("detail").asText()).contains(":hedge");
    }

    @Test
    void each_fill_is_linked_to_its_position_with_its_relationship() {
        String asset = uniqueAsset("LNK");
        Instant t0 = now.minus(Duration.ofMinutes(10));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "10", "0", t0);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.BUY, "1", "12", "0", t0.plusSeconds(1));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-3", Side.SELL, "3", "13", "0", t0.plusSeconds(2));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-4", Side.BUY, "1", "11", "0", t0.plusSeconds(3));
        awaitProjections();

        List<Map<String, Object>> links = jdbc.queryForList("SELECT fill_id, order_id, relationship_type, size_delta, "
                        + "execution_price, executed_at FROM position_orders WHERE position_id = ? ORDER BY executed_at",
                PositionIds.of(PositionId.of(asset, PositionMode.ONE_WAY)));
        assertThat(links).extracting(link -> link.get("relationship_type"))
                .containsExactly("opened", "increased", "reversed", "closed");
        assertThat(links).extracting(link -> ((BigDecimal) link.get("size_delta")).stripTrailingZeros()
                .toPlainString()).containsExactly("1", "1", "-3", "1");
        assertThat(links.get(2).get("order_id")).isEqualTo("order-" + asset + "-3");
        assertThat(((BigDecimal) links.get(2).get("execution_price"))).isEqualByComparingTo("13");
    }

    private List<Map.Entry<String, String>> sizes(String path) {
        return list(get(path).body()).stream()
                .map(position -> Map.entry(position.get("mode").asText(),
                        new BigDecimal(position.get("size").asText()).stripTrailingZeros().toPlainString()))
                .toList();
    }

    private static List<JsonNode> list(JsonNode body) {
        return StreamSupport.stream(body.get("positions").spliterator(), false).toList();
    }
}
