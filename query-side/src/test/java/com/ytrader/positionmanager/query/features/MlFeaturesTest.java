package com.ytrader.positionmanager.query.features;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MlFeaturesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void features_of_an_open_priced_position_follow_the_spec_formulas() {
        // short 2 entered at 50 (notional 100), mark 45, unrealized +10, held 2 h 59.9 min
        FeatureInputs position = new FeatureInputs(new BigDecimal("-2"), new BigDecimal("45"), new BigDecimal("10"),
                new BigDecimal("100"), NOW.minus(Duration.ofMinutes(180)).plusSeconds(5));

        MlFeatures features = MlFeatures.of(position, new BigDecimal("360"), NOW);

        assertThat(features.unrealizedPnlPct()).isEqualByComparingTo("10");
        assertThat(features.timeHeldMinutes()).isEqualTo(179);
        // |-2 * 45| / 360
        assertThat(features.positionSizeNorm()).isEqualByComparingTo("0.25");
    }

    @Test
    void undefined_features_are_null_never_a_division_error() {
        FeatureInputs flat = new FeatureInputs(BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO, null);

        MlFeatures features = MlFeatures.of(flat, BigDecimal.ZERO, NOW);

        assertThat(features.unrealizedPnlPct()).isNull();
        assertThat(features.timeHeldMinutes()).isNull();
        assertThat(features.positionSizeNorm()).isNull();
    }

    @Test
    void zero_total_exposure_gives_no_size_norm_even_with_a_price() {
        FeatureInputs position = new FeatureInputs(BigDecimal.ONE, new BigDecimal("10"), BigDecimal.ZERO,
                BigDecimal.TEN, NOW);

        assertThat(MlFeatures.of(position, BigDecimal.ZERO, NOW).positionSizeNorm()).isNull();
        assertThat(MlFeatures.of(position, null, NOW).positionSizeNorm()).isNull();
    }

    @Test
    void a_lifecycle_opened_by_a_clock_slightly_ahead_is_held_zero_minutes() {
        FeatureInputs position = new FeatureInputs(BigDecimal.ONE, null, BigDecimal.ZERO, BigDecimal.TEN,
                NOW.plusSeconds(30));

        assertThat(MlFeatures.of(position, BigDecimal.TEN, NOW).timeHeldMinutes()).isZero();
    }
}
