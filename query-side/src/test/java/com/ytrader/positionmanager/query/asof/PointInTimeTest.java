package com.ytrader.positionmanager.query.asof;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ValidatePosition;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PointInTimeTest extends QuerySideTest {

    private static final PositionMode ONE_WAY = PositionMode.ONE_WAY;

    @Test
    void an_execution_at_t_is_in_the_state_at_t_but_not_strictly_before_t() {
        String asset = uniqueAsset("AOI");
        Instant t0 = Instant.parse("2024-03-01T10:00:00Z");
        fill(asset, ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
        fill(asset, ONE_WAY, null, asset + "-2", Side.BUY, "2", "110", "0", t0.plusSeconds(60));
        awaitProjections();

        Response inclusive = asOf(asset, ONE_WAY, t0.plusSeconds(60), true, null);
        assertThat(inclusive.status()).isEqualTo(200);
        assertDecimal(inclusive.body().get("size"), "3");
        Response exclusive = asOf(asset, ONE_WAY, t0.plusSeconds(60), false, null);
        assertThat(exclusive.status()).isEqualTo(200);
        assertDecimal(exclusive.body().get("size"), "1");
        assertDecimal(exclusive.body().get("average_entry_price"), "100");
        assertThat(exclusive.body().get("sequence_number").asLong())
                .isLessThan(inclusive.body().get("sequence_number").asLong());
        assertThat(exclusive.body().get("time_held_minutes").asLong()).isEqualTo(1);
        assertThat(exclusive.body().get("as_of").asText()).isEqualTo("2024-03-01T10:01:00Z");
    }

    @Test
    void before_the_first_event_there_is_no_state() {
        String asset = uniqueAsset("AON");
        Instant t0 = Instant.parse("2024-03-01T10:00:00Z");
        fill(asset, ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
        awaitProjections();

        assertThat(asOf(asset, t0.minusMillis(1)).status()).isEqualTo(404);
        assertThat(asOf(asset, ONE_WAY, t0, false, null).status()).isEqualTo(404);
        assertThat(asOf(asset, t0).status()).isEqualTo(200);
        assertThat(asOf(asset, PositionMode.HEDGE, t0, true, null).status()).isEqualTo(404);
        Response problem = get("/api/v1/positions/" + asset + "/as-of?timestamp=yesterday");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.body().get("parameter").asText()).isEqualTo("timestamp");
    }

    @Test
    void events_with_equal_timestamps_apply_in_sequence_order() {
        String asset = uniqueAsset("AOE");
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        fill(asset, ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t);
        Instant betweenRecordings = instantBeforeTheNextRecording();
        fill(asset, ONE_WAY, null, asset + "-2", Side.SELL, "3", "120", "0", t);
        awaitProjections();

        JsonNode both = asOf(asset, t).body();
        assertDecimal(both.get("size"), "-2");
        assertDecimal(both.get("average_entry_price"), "120");
        JsonNode first = asOf(asset, ONE_WAY, t, true, betweenRecordings).body();
        assertDecimal(first.get("size"), "1");
        assertThat(first.get("sequence_number").asLong()).isLessThan(both.get("sequence_number").asLong());
        assertThat(both.get("sequence_number").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class, asset + ":one-way"));
    }

    @Test
    void known_at_excludes_a_correction_recorded_after_it() {
        String asset = uniqueAsset("AOK");
        Instant t0 = Instant.parse("2024-03-01T10:00:00Z");
        fill(asset, ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
        report(asset, ONE_WAY, 0, "2", "100", "101", "2", "0", 1, t0.plusSeconds(10));
        Instant beforeCorrection = instantBeforeTheNextRecording();
        // past the reconcile grace (30 s) the difference is confirmed and corrected; the correction's business time is
        // in the past: a training row at t0 + 60 s must not see it
        commands.sendAndWait(ValidatePosition.of(asset, ONE_WAY, true, t0.plusSeconds(45)));
        awaitProjections();

        Instant trainingRow = t0.plusSeconds(60);
        assertDecimal(asOf(asset, ONE_WAY, trainingRow, true, null).body().get("size"), "2");
        JsonNode asKnownThen = asOf(asset, ONE_WAY, trainingRow, true, beforeCorrection).body();
        assertDecimal(asKnownThen.get("size"), "1");
        assertDecimal(asKnownThen.get("current_price"), "101");
        assertThat(asKnownThen.get("known_at").asText()).isEqualTo(beforeCorrection.truncatedTo(ChronoUnit.MICROS).toString());
        assertThat(asOf(asset, ONE_WAY, trainingRow, true, t0.minusSeconds(3600 * 24 * 365 * 5L)).status())
                .isEqualTo(404);
    }

    @Test
    void a_late_fill_takes_effect_when_it_arrived_and_never_backdates_history() {
        String asset = uniqueAsset("AOL");
        Instant t0 = Instant.parse("2024-03-01T10:00:00Z");
        fill(asset, ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
        fill(asset, ONE_WAY, null, asset + "-2", Side.BUY, "1", "100", "0", t0.plusSeconds(10));
        // executed at t0 + 5 s, but only recorded after the fill of t0 + 10 s
        fill(asset, ONE_WAY, null, asset + "-late", Side.BUY, "1", "100", "0", t0.plusSeconds(5));
        awaitProjections();

        assertDecimal(asOf(asset, t0.plusSeconds(5)).body().get("size"), "1");
        assertDecimal(asOf(asset, t0.plusSeconds(7)).body().get("size"), "1");
        assertDecimal(asOf(asset, ONE_WAY, t0.plusSeconds(10), false, null).body().get("size"), "1");
        assertDecimal(asOf(asset, t0.plusSeconds(10)).body().get("size"), "3");
    }

    @Test
    void as_of_gives_the_legs_the_exchange_figures_the_fees_and_the_close_reason_as_they_stood() {
        String asset = uniqueAsset("AOX") + "USDT";
        PositionMode hedge = PositionMode.HEDGE;
        Instant t0 = Instant.parse("2024-03-01T10:00:00Z");
        fill(asset, hedge, 1, asset + "-1", Side.BUY, "2", "100", "0", t0);
        fill(asset, hedge, 2, asset + "-2", Side.SELL, "1", "120", "0", t0.plusSeconds(10));
        report(asset, hedge, 1, "2", "100", "104", "8", "-0.4", 12, t0.plusSeconds(20));
        commands.sendAndWait(ApplyFill.of(asset, hedge, 2, asset + "-3", "order-" + asset + "-3", Side.BUY,
                new BigDecimal("1"), new BigDecimal("130"), new BigDecimal("0.0003"), t0.plusSeconds(30), null, "BTC",
                CloseReason.ADL));
        commands.sendAndWait(ApplyFill.of(asset, hedge, 1, asset + "-4", "order-" + asset + "-4", Side.SELL,
                new BigDecimal("2"), new BigDecimal("90"), BigDecimal.ZERO, t0.plusSeconds(40), null, null,
                CloseReason.LIQUIDATED));
        awaitProjections();

        JsonNode longOnly = asOf(asset, hedge, t0.plusSeconds(5), true, null).body();
        assertDecimal(longOnly.get("average_entry_price"), "100");
        assertDecimal(longOnly.get("long_entry_price"), "100");
        assertThat(longOnly.get("short_entry_price").isNull()).isTrue();
        assertThat(longOnly.get("exchange_seq").isNull()).isTrue();
        JsonNode bothLegs = asOf(asset, hedge, t0.plusSeconds(15), true, null).body();
        assertThat(bothLegs.get("average_entry_price").isNull()).isTrue();
        assertDecimal(bothLegs.get("short_entry_price"), "120");
        JsonNode reported = asOf(asset, hedge, t0.plusSeconds(25), true, null).body();
        assertDecimal(reported.get("exchange_size"), "2");
        assertDecimal(reported.get("exchange_realized_pnl"), "-0.4");
        assertThat(reported.get("exchange_seq").asLong()).isEqualTo(12);
        assertThat(reported.get("fees_by_currency").size()).isZero();
        JsonNode shortClosedByAdl = asOf(asset, hedge, t0.plusSeconds(35), true, null).body();
        assertDecimal(shortClosedByAdl.get("short_realized_pnl"), "-10");
        assertDecimal(shortClosedByAdl.get("fees_by_currency").get("BTC"), "0.0003");
        assertThat(shortClosedByAdl.get("close_reason").isNull()).as("the long leg is still open").isTrue();
        JsonNode liquidated = asOf(asset, hedge, t0.plusSeconds(40), true, null).body();
        assertDecimal(liquidated.get("size"), "0");
        assertThat(liquidated.get("close_reason").asText()).isEqualTo("liquidated");
        assertThat(asOf(asset, hedge, t0.plusSeconds(40), false, null).body().get("close_reason").isNull()).isTrue();
    }

    /**
     * Now, once the clock has left this millisecond: the event store keeps recorded times to the millisecond, so an
     * event recorded after this call is recorded after the instant returned, however fast it follows.
     */
    private static Instant instantBeforeTheNextRecording() {
        Instant now = Instant.now();
        while (Instant.now().truncatedTo(ChronoUnit.MILLIS).equals(now.truncatedTo(ChronoUnit.MILLIS))) {
            Thread.onSpinWait();
        }
        return now;
    }
}
