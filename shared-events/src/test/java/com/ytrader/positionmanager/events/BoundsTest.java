package com.ytrader.positionmanager.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BoundsTest {

    @Test
    void a_representable_decimal_has_at_most_20_integer_and_18_fraction_digits() {
        assertThat(Bounds.representable(new BigDecimal("99999999999999999999.999999999999999999"))).isTrue();
        assertThat(Bounds.representable(new BigDecimal("100000000000000000000"))).isFalse();
        assertThat(Bounds.representable(new BigDecimal("0.0000000000000000001"))).isFalse();
        assertThat(Bounds.representable(new BigDecimal("1e-999999999"))).isFalse();
        assertThat(Bounds.representable(new BigDecimal("1E+2147483647"))).isFalse();
    }

    @Test
    void a_column_rounds_a_long_fraction_but_refuses_a_21st_integer_digit() {
        assertThat(Bounds.fitsNumericColumn(new BigDecimal("1.0000000000000000000001"))).isTrue();
        assertThat(Bounds.fitsNumericColumn(new BigDecimal("123456789012345678901"))).isFalse();
    }

    @Test
    void text_is_refused_beyond_255_characters_or_with_a_nul() {
        assertThat(Bounds.textViolation("x".repeat(255))).isNull();
        assertThat(Bounds.textViolation("x".repeat(256))).contains("256 characters long");
        assertThat(Bounds.textViolation("a\0b")).contains("NUL");
    }

    @Test
    void magnitude_and_notional_bounds_include_their_limit() {
        assertThat(Bounds.withinMagnitude(new BigDecimal("-1e12"))).isTrue();
        assertThat(Bounds.withinMagnitude(new BigDecimal("1000000000000.000001"))).isFalse();
        assertThat(Bounds.withinNotional(new BigDecimal("-1e9"), new BigDecimal("1e6"))).isTrue();
        assertThat(Bounds.withinNotional(new BigDecimal("1e9"), new BigDecimal("1000000.1"))).isFalse();
    }

    @Test
    void business_time_runs_from_the_epoch_to_the_end_of_year_9999() {
        assertThat(Bounds.withinTimeRange(Instant.EPOCH)).isTrue();
        assertThat(Bounds.withinTimeRange(Instant.EPOCH.minusNanos(1))).isFalse();
        assertThat(Bounds.withinTimeRange(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isTrue();
        assertThat(Bounds.withinTimeRange(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void a_sell_subtracts_from_a_net_position_and_a_buy_adds() {
        assertThat(Side.SELL.signed(new BigDecimal("2"))).isEqualByComparingTo("-2");
        assertThat(Side.BUY.signed(new BigDecimal("2"))).isEqualByComparingTo("2");
        assertThat(Side.fromWireName("sell")).isEqualTo(Side.SELL);
    }
}
