package com.ytrader.positionmanager.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParametersTest {

    @Test
    void decimals_that_numeric_38_18_holds_are_accepted_as_written() {
        for (String text : List.of("1.5", "-0.000000000000000001", "99999999999999999999", "-99999999999999999999.5",
                "1E+19", "1.5E-17", "0.500000000000000000000000", "123456789012345678.123456789012345678")) {
            assertThat(Parameters.decimal(text)).as(text).isEqualByComparingTo(new BigDecimal(text));
        }
    }

    @Test
    void zero_in_any_notation_is_plain_zero() {
        assertThat(Parameters.decimal("0E-999999999")).isSameAs(BigDecimal.ZERO);
        assertThat(Parameters.decimal("-0e+999999999")).isSameAs(BigDecimal.ZERO);
    }

    @Test
    void more_than_twenty_integer_digits_are_refused_without_writing_the_number_out() {
        for (String text : List.of("100000000000000000000", "1e20", "1E+2147483647", "1e999999999", "-1e25")) {
            assertThatThrownBy(() -> Parameters.decimal(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected a decimal of at most 20 integer digits and 18 fraction digits");
        }
    }

    @Test
    void more_than_eighteen_fraction_digits_are_refused() {
        for (String text : List.of("0.0000000000000000001", "1e-19", "1e-999999999", "1.0000000000000000001")) {
            assertThatThrownBy(() -> Parameters.decimal(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("18 fraction digits");
        }
    }

    @Test
    void text_that_is_no_decimal_is_refused_with_a_reason() {
        for (String text : List.of("abc", "1e", "", "1.2.3", "NaN", "1E+2147483648")) {
            assertThatThrownBy(() -> Parameters.decimal(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected a decimal number such as 1.5");
        }
    }

    @Test
    void a_bad_asset_is_quoted_abbreviated_in_its_error() {
        String asset = "x".repeat(1_000_000);

        assertThatThrownBy(() -> Parameters.asset("asset", asset))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("asset");
                    assertThat(e.getMessage()).hasSizeLessThan(400).endsWith("… (1000000 characters)'");
                });
    }
}
