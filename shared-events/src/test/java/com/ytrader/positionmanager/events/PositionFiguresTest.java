package com.ytrader.positionmanager.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositionFiguresTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static PositionFigures hedge(LegFigures longLeg, LegFigures shortLeg) {
        return new PositionFigures(List.of(longLeg, shortLeg), d("105"), d("0.5"), 3, LifecycleFigures.none());
    }

    private static ExchangeFigures report(long seq, String size, String realizedPnl) {
        return new ExchangeFigures(seq, Instant.EPOCH, d(size), d("100"), d("105"), BigDecimal.ZERO,
                realizedPnl == null ? null : d(realizedPnl));
    }

    @Test
    void a_hedge_position_with_both_legs_open_has_no_single_entry_price_but_each_legs() {
        PositionFigures figures = hedge(new LegFigures(1, d("2"), d("100"), d("10"), d("1")),
                new LegFigures(2, d("-1"), d("110"), d("5"), d("-2")));

        assertThat(figures.size()).isEqualByComparingTo("1");
        assertThat(figures.grossSize()).isEqualByComparingTo("3");
        assertThat(figures.averageEntryPrice()).isNull();
        assertThat(figures.longEntryPrice()).isEqualByComparingTo("100");
        assertThat(figures.shortEntryPrice()).isEqualByComparingTo("110");
        assertThat(figures.longSize()).isEqualByComparingTo("2");
        assertThat(figures.shortSize()).as("the short leg as a positive quantity").isEqualByComparingTo("1");
        assertThat(figures.entryNotional()).isEqualByComparingTo("310");
        assertThat(figures.unrealizedPnl()).isEqualByComparingTo("15");
        assertThat(figures.realizedPnl()).isEqualByComparingTo("-1");
    }

    @Test
    void a_hedge_position_with_one_leg_open_has_that_legs_entry_price() {
        PositionFigures figures = hedge(LegFigures.flat(1), new LegFigures(2, d("-1"), d("110"), d("5"), d("0")));

        assertThat(figures.averageEntryPrice()).isEqualByComparingTo("110");
        assertThat(figures.longEntryPrice()).as("a flat leg has no entry price").isNull();
    }

    @Test
    void one_way_figures_have_no_leg_figures_and_flat_ones_no_entry() {
        PositionFigures flat = PositionFigures.flat(PositionMode.ONE_WAY);

        assertThat(flat.flat()).isTrue();
        assertThat(flat.hedge()).isFalse();
        assertThat(flat.averageEntryPrice()).isNull();
        assertThat(flat.entryNotional()).isEqualByComparingTo("0");
        assertThat(flat.longSize()).isNull();
        assertThat(flat.shortEntryPrice()).isNull();
        assertThat(flat.longRealizedPnl()).isNull();
        assertThat(flat.feesByCurrency()).isEmpty();
    }

    @Test
    void the_exchanges_figures_sum_over_the_reported_legs_and_are_null_before_any_report() {
        LegFigures longLeg = new LegFigures(1, d("2"), d("100"), d("0"), d("0")).withExchange(report(7, "2", "1.5"));
        LegFigures shortLeg = new LegFigures(2, d("-1"), d("110"), d("0"), d("0")).withExchange(report(9, "-1", null));

        PositionFigures reported = hedge(longLeg, shortLeg);
        PositionFigures unreported = PositionFigures.flat(PositionMode.HEDGE);

        assertThat(reported.exchangeSize()).isEqualByComparingTo("1");
        assertThat(reported.exchangeRealizedPnl()).as("a leg reported without it adds nothing")
                .isEqualByComparingTo("1.5");
        assertThat(reported.exchangeSeq()).isEqualTo(9L);
        assertThat(unreported.exchangeSize()).isNull();
        assertThat(unreported.exchangeRealizedPnl()).isNull();
        assertThat(unreported.exchangeSeq()).isNull();
    }

    @Test
    void fees_in_other_currencies_add_up_per_currency_apart_from_the_settle_currency() {
        PositionFigures figures = PositionFigures.flat(PositionMode.ONE_WAY)
                .withFeeIn("BTC", d("0.0001")).withFeeIn("BTC", d("0.0002")).withFeeIn("ETH", d("0.01"));

        assertThat(figures.feesByCurrency()).containsOnlyKeys("BTC", "ETH");
        assertThat(figures.feesByCurrency().get("BTC")).isEqualByComparingTo("0.0003");
        assertThat(figures.totalFees()).isEqualByComparingTo("0");
    }

    @Test
    void the_average_exit_price_weighs_the_closing_fills_by_quantity() {
        LifecycleFigures lifecycle = new LifecycleFigures(1, Instant.EPOCH, null, d("3"), d("3"), d("330"),
                BigDecimal.ZERO, BigDecimal.ZERO, 2, null);

        assertThat(lifecycle.averageExitPrice()).isEqualByComparingTo("110");
        assertThat(LifecycleFigures.none().averageExitPrice()).isNull();
    }

    private static LegFigures reported(LegFigures leg, String liqPrice, MarginMode marginMode) {
        return leg.withExchange(new ExchangeFigures(1, Instant.EPOCH, leg.size(), leg.averageEntryPrice(), d("105"),
                BigDecimal.ZERO, null, new ExchangeRisk(d("10"), d(liqPrice), null, d("200"), PositionStatus.NORMAL,
                marginMode)));
    }

    @Test
    void with_both_hedge_legs_open_the_liquidation_distance_is_the_nearer_legs_and_leg_figures_have_no_blend() {
        PositionFigures figures = hedge(reported(new LegFigures(1, d("2"), d("100"), d("10"), d("0")), "95", null),
                reported(new LegFigures(2, d("-1"), d("110"), d("5"), d("0")), "126", MarginMode.ISOLATED));

        // long: (105 - 95) / 105 = 9.52 %; short: (126 - 105) / 105 = 20 %
        assertThat(figures.liquidationDistancePct()).isEqualByComparingTo("9.523809523809523810");
        assertThat(figures.liqPrice()).isNull();
        assertThat(figures.breakEvenPrice()).isNull();
        assertThat(figures.positionValue()).isEqualByComparingTo("400");
    }

    @Test
    void break_even_moves_a_legs_entry_by_what_the_lifecycle_realized_and_a_price_beyond_liquidation_is_negative() {
        LifecycleFigures lifecycle = new LifecycleFigures(1, Instant.EPOCH, null, d("3"), d("1"), d("120"), d("15"),
                d("0.6"), 2, null);
        PositionFigures figures = new PositionFigures(
                List.of(reported(new LegFigures(2, d("-2"), d("110"), d("10"), d("15")), "104", MarginMode.CROSS),
                        LegFigures.flat(1)), d("105"), d("0.6"), 2, lifecycle);

        // a short that already realized 15 breaks even 7.5 above its entry
        assertThat(figures.breakEvenPrice()).isEqualByComparingTo("117.5");
        assertThat(figures.liqPriceEstimated()).isTrue();
        // (104 - 105) / 105: the mark is already past the short's liquidation price
        assertThat(figures.liquidationDistancePct()).isNegative();
    }
}
