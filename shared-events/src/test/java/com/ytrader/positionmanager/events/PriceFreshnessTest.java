package com.ytrader.positionmanager.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceFreshnessTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final PriceFreshness freshness = PriceFreshness.ofSeconds(300);

    @Test
    void a_price_quoted_exactly_the_threshold_ago_is_still_fresh_and_one_a_moment_older_is_stale() {
        assertThat(freshness.stale(NOW.minusSeconds(300), NOW)).isFalse();
        assertThat(freshness.stale(NOW.minusSeconds(300).minusMillis(1), NOW)).isTrue();
    }

    @Test
    void no_price_at_all_is_stale() {
        assertThat(freshness.stale(null, NOW)).isTrue();
    }

    @Test
    void a_threshold_of_zero_or_less_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> PriceFreshness.ofSeconds(0))
                .hasMessageContaining("position-manager.price-staleness-threshold");
    }
}
