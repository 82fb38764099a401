package com.ytrader.positionmanager.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectedInputTest {

    @Test
    void a_value_up_to_the_bound_is_quoted_whole() {
        String value = "A".repeat(RejectedInput.MAX_QUOTED);

        assertThat(RejectedInput.abbreviate(value)).isEqualTo(value);
        assertThat(RejectedInput.abbreviate("BTCUSDT")).isEqualTo("BTCUSDT");
    }

    @Test
    void a_longer_value_is_cut_to_the_bound_and_its_length_given() {
        String value = "B".repeat(19_000_000);

        String quoted = RejectedInput.abbreviate(value);

        assertThat(quoted).isEqualTo("B".repeat(200) + "… (19000000 characters)");
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        String value = "x".repeat(199) + "😀" + "y".repeat(50);

        String quoted = RejectedInput.abbreviate(value);

        assertThat(quoted).startsWith("x".repeat(199) + "…");
        assertThat(quoted).endsWith("(251 characters)");
    }

    @Test
    void a_text_is_cut_at_the_bound_it_is_given() {
        assertThat(RejectedInput.abbreviate("0123456789", 4)).isEqualTo("0123… (10 characters)");
        assertThat(RejectedInput.abbreviate(null)).isEqualTo("null");
    }
}
