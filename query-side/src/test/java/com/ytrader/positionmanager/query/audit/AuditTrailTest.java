package com.ytrader.positionmanager.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ApplyOrderState;
import com.ytrader.positionmanager.command.position.TakeSnapshot;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTest extends QuerySideTest {

    private static final PositionMode ONE_WAY = PositionMode.ONE_WAY;
    private static final Instant T0 = Instant.parse("2024-04-01T00:00:00Z");

    @Test
    void every_change_is_listed_oldest_first_with_the_fields_before_and_after() {
        String asset = uniqueAsset("HIS");
        fill(asset, ONE_WAY, null, asset + "-1", Side.BUY, "2", "100", "0.1", T0);
        report(asset, ONE_WAY, 0, "2", "100", "105", "10", "-0.1", 1, T0.plusSeconds(1));
        commands.sendAndWait(TakeSnapshot.of(asset, ONE_WAY, asset + "-snap", T0.plusSeconds(2)));
        fill(asset, ONE_WAY, null, asset + "-2", Side.SELL, "2", "110", "0.1", T0.plusSeconds(3));
        awaitProjections();

        Response page = get("/api/v1/positions/" + asset + "/history");
        assertThat(page.status()).isEqualTo(200);
        JsonNode changes = page.body().get("changes");
        List<String> types = new ArrayList<>();
        changes.forEach(change -> types.add(change.get("event_type").asText()));
        assertThat(types).containsExactly("PositionOpened", "FillApplied", "ExchangeReportApplied",
                "PositionSnapshotTaken", "FillApplied", "PositionClosed");
        for (int i = 0; i < changes.size(); i++) {
            assertThat(changes.get(i).get("sequence_number").asLong()).isEqualTo(i);
        }
        JsonNode opening = changes.get(1);
        assertThat(opening.get("fill_id").asText()).isEqualTo(asset + "-1");
        assertThat(opening.get("order_id").asText()).isEqualTo("order-" + asset + "-1");
        assertThat(opening.get("timestamp").asText()).isEqualTo(T0.toString());
        assertThat(opening.get("before").isNull()).isTrue();
        assertDecimal(opening.get("after").get("size"), "2");
        // the event as the store holds it
        assertThat(opening.get("event").get("quantity").decimalValue()).isEqualByComparingTo("2");
        JsonNode report = changes.get(2);
        assertThat(report.get("before").get("current_price").isNull()).isTrue();
        assertDecimal(report.get("after").get("current_price"), "105");
        JsonNode closing = changes.get(4);
        assertDecimal(closing.get("before").get("size"), "2");
        assertDecimal(closing.get("after").get("size"), "0");
        assertThat(closing.get("previous_hash").asText()).isEqualTo(changes.get(3).get("hash").asText());

        JsonNode window = get("/api/v1/positions/" + asset + "/history?from=" + T0.plusSeconds(1) + "&to="
                + T0.plusSeconds(2)).body().get("changes");
        assertThat(window).hasSize(2);
        assertThat(window.get(0).get("event_type").asText()).isEqualTo("ExchangeReportApplied");
    }

    @Test
    void an_execution_its_order_state_already_counted_is_in_the_trail_and_changes_no_projection() {
        String asset = uniqueAsset("HAC");
        String order = "order-" + asset;
        commands.sendAndWait(ApplyOrderState.of(asset, ONE_WAY, null, order, Side.BUY, new BigDecimal("1"),
                new BigDecimal("100"), BigDecimal.ZERO, T0));
        awaitProjections();
        JsonNode before = get("/api/v1/positions/" + asset).body();
        // the same execution on order-manager.order_executed, after its order's cumulative state counted it
        commands.sendAndWait(ApplyFill.of(asset, ONE_WAY, null, asset + "-exec-1", order, Side.BUY,
                new BigDecimal("1"), new BigDecimal("100"), BigDecimal.ZERO, T0.plusSeconds(1)));
        awaitProjections();

        JsonNode changes = get("/api/v1/positions/" + asset + "/history").body().get("changes");
        JsonNode counted = changes.get(changes.size() - 1);
        assertThat(counted.get("event_type").asText()).isEqualTo("FillAlreadyCounted");
        assertThat(counted.get("fill_id").asText()).isEqualTo(asset + "-exec-1");
        assertThat(counted.get("order_id").asText()).isEqualTo(order);
        assertThat(counted.get("event").get("quantity").decimalValue()).isEqualByComparingTo("1");
        assertThat(counted.get("after")).as("the position is unchanged").isEqualTo(counted.get("before"));
        assertDecimal(counted.get("after").get("size"), "1");
        assertThat(figures(get("/api/v1/positions/" + asset).body())).as("the live read model")
                .isEqualTo(figures(before));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM position_orders WHERE order_id = ?", Long.class, order))
                .as("only the counted state is linked").isEqualTo(1);
        JsonNode asOf = asOf(asset, Instant.now()).body();
        assertThat(asOf.get("sequence_number").asLong()).isEqualTo(counted.get("sequence_number").asLong());
        assertDecimal(asOf.get("size"), "1");
    }

    /** The position's own fields, without the features that move with the clock and the portfolio. */
    private static JsonNode figures(JsonNode position) {
        ObjectNode figures = position.deepCopy();
        figures.remove(List.of("time_held_minutes", "position_size_norm"));
        return figures;
    }

    @Test
    void the_fields_after_each_change_carry_the_legs_the_exchange_figures_fees_and_close_reason() {
        String asset = uniqueAsset("HFX") + "USDT";
        PositionMode hedge = PositionMode.HEDGE;
        fill(asset, hedge, 1, asset + "-1", Side.BUY, "2", "100", "0", T0);
        fill(asset, hedge, 2, asset + "-2", Side.SELL, "1", "120", "0", T0.plusSeconds(1));
        report(asset, hedge, 1, "2", "100", "105", "10", "-0.2", 7, T0.plusSeconds(2));
        commands.sendAndWait(ApplyFill.of(asset, hedge, 1, asset + "-3", "order-" + asset + "-3", Side.SELL,
                new BigDecimal("2"), new BigDecimal("90"), new BigDecimal("0.0002"), T0.plusSeconds(3), null, "BTC",
                CloseReason.LIQUIDATED));
        fill(asset, hedge, 2, asset + "-4", Side.BUY, "1", "110", "0", T0.plusSeconds(4));
        awaitProjections();

        JsonNode changes = get("/api/v1/positions/" + asset + "/history?mode=hedge").body().get("changes");
        List<String> types = new ArrayList<>();
        changes.forEach(change -> types.add(change.get("event_type").asText()));
        assertThat(types).containsExactly("PositionOpened", "FillApplied", "FillApplied", "ExchangeReportApplied",
                "FillApplied", "FillApplied", "PositionClosed");
        JsonNode bothLegs = changes.get(2).get("after");
        assertThat(bothLegs.get("average_entry_price").isNull()).isTrue();
        assertDecimal(bothLegs.get("long_entry_price"), "100");
        assertDecimal(bothLegs.get("short_entry_price"), "120");
        JsonNode reported = changes.get(3).get("after");
        assertDecimal(reported.get("exchange_size"), "2");
        assertDecimal(reported.get("exchange_realized_pnl"), "-0.2");
        assertThat(reported.get("exchange_seq").asLong()).isEqualTo(7);
        assertThat(changes.get(3).get("before").get("exchange_seq").isNull()).isTrue();
        JsonNode liquidation = changes.get(4);
        assertThat(liquidation.get("event").get("closeReason").asText()).isEqualTo("liquidated");
        assertThat(liquidation.get("after").get("long_entry_price").isNull()).as("the long leg is flat").isTrue();
        assertDecimal(liquidation.get("after").get("average_entry_price"), "120");
        assertDecimal(liquidation.get("after").get("fees_by_currency").get("BTC"), "0.0002");
        assertDecimal(liquidation.get("after").get("total_fees"), "0");
        assertThat(liquidation.get("after").get("close_reason").isNull()).as("the short leg is still open").isTrue();
        JsonNode flat = changes.get(5).get("after");
        assertDecimal(flat.get("size"), "0");
        assertDecimal(flat.get("short_realized_pnl"), "10");
        assertThat(flat.get("close_reason").isNull()).as("our own order closed the last leg").isTrue();
    }

    @Test
    void cursor_pages_stay_stable_while_events_are_appended() {
        String asset = uniqueAsset("HPG");
        int fills = 0;
        for (; fills < 4; fills++) {
            fill(asset, ONE_WAY, null, asset + "-" + fills, Side.BUY, "1", "100", "0", T0.plusSeconds(fills));
        }
        awaitProjections();
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        boolean hasMore = true;
        while (hasMore || fills < 10) {
            Response page = get("/api/v1/positions/" + asset + "/history?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.body().get("changes").forEach(change -> seen.add(change.get("sequence_number").asLong()));
            cursor = page.body().get("next_cursor").asText();
            hasMore = page.body().get("has_more").asBoolean();
            if (fills < 10) {
                // new events arrive between pages
                fill(asset, ONE_WAY, null, asset + "-" + fills, Side.BUY, "1", "100", "0", T0.plusSeconds(fills));
                fills++;
                awaitProjections();
                hasMore = true;
            }
        }
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, asset + ":one-way");
        assertThat(seen).containsExactlyElementsOf(LongStream.range(0, events).boxed().toList());
    }

    @Test
    void paging_parameters_are_checked_and_an_unknown_position_is_404() {
        String asset = uniqueAsset("HPP");
        fill(asset, ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", T0);
        awaitProjections();

        Response tooMany = get("/api/v1/positions/" + asset + "/history?limit=1001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("parameter").asText()).isEqualTo("limit");
        assertThat(get("/api/v1/positions/" + asset + "/history?cursor=bm9wZQ").body().get("parameter").asText())
                .isEqualTo("cursor");
        assertThat(get("/api/v1/positions/" + uniqueAsset("NONE") + "/history").status()).isEqualTo(404);
        assertThat(get("/api/v1/positions/" + asset + "/history?mode=hedge").status()).isEqualTo(404);
    }

    @Test
    void verify_reports_the_first_edited_event_of_the_chain() {
        String asset = uniqueAsset("HVF");
        fill(asset, ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", T0);
        fill(asset, ONE_WAY, null, asset + "-2", Side.BUY, "3", "100", "0", T0.plusSeconds(1));
        fill(asset, ONE_WAY, null, asset + "-3", Side.BUY, "1", "100", "0", T0.plusSeconds(2));
        awaitProjections();
        String verify = "/api/v1/positions/" + asset + "/history/verify";
        JsonNode intact = get(verify).body();
        assertThat(intact.get("valid").asBoolean()).isTrue();
        assertThat(intact.get("events_checked").asLong()).isEqualTo(4);

        long edited = jdbc.queryForObject("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND convert_from(payload, 'UTF8') LIKE ?", Long.class, asset + ":one-way", "%" + asset + "-2\"%");
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = ?", byte[].class, asset + ":one-way", edited);
        int updated = jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, "
                + "'UTF8'), '\"quantity\":3', '\"quantity\":2'), 'UTF8') WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", asset + ":one-way", edited);
        assertThat(updated).isEqualTo(1);

        try {
            JsonNode broken = get(verify).body();
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("first_broken_sequence_number").asLong()).isEqualTo(edited);
            assertThat(broken.get("recorded_hash").asText()).isNotEqualTo(broken.get("recomputed_hash").asText());
        } finally {
            // the shared test database keeps a store that replays to the same read models
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                    original, asset + ":one-way", edited);
        }
        assertThat(get(verify).body().get("valid").asBoolean()).isTrue();
    }
}
