package com.ytrader.positionmanager.command.aged;

import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The aged positions' formulas with the seed's settings (docs/aged-positions.md). */
class AgedPositionRulesTest {

    private final AgedPositionRules rules = AgedPositionRules.defaults();

    @Test
    void the_loss_tolerance_grows_by_the_step_and_accelerates_beyond_the_acceleration_point_up_to_the_maximum() {
        assertThat(rules.lossTolerancePercent(0)).isEqualByComparingTo("0");
        assertThat(rules.lossTolerancePercent(1)).isEqualByComparingTo("0.5");
        assertThat(rules.lossTolerancePercent(10)).isEqualByComparingTo("5");
        assertThat(rules.lossTolerancePercent(11)).isEqualByComparingTo("6.6");
        assertThat(rules.lossTolerancePercent(16)).isEqualByComparingTo("9.6");
        assertThat(rules.lossTolerancePercent(17)).isEqualByComparingTo("10");
        assertThat(rules.maxLossReached(rules.lossTolerancePercent(16))).isFalse();
        assertThat(rules.maxLossReached(rules.lossTolerancePercent(17))).isTrue();
    }

    @Test
    void breakeven_covers_the_commission_of_a_round_trip_on_either_side() {
        assertThat(rules.breakevenPrice(true, new BigDecimal("100"))).isEqualByComparingTo("100.11");
        assertThat(rules.breakevenPrice(false, new BigDecimal("100"))).isEqualByComparingTo("99.89");
    }

    @Test
    void the_buffer_lets_a_price_just_short_of_the_target_count_as_reached() {
        // 100 × (1 − 0.001) = 99.9 for a long; 100 × (1 + 0.001) = 100.1 for a short
        assertThat(rules.reached(true, new BigDecimal("99.9"), new BigDecimal("100"))).isTrue();
        assertThat(rules.reached(true, new BigDecimal("99.89"), new BigDecimal("100"))).isFalse();
        assertThat(rules.reached(false, new BigDecimal("100.1"), new BigDecimal("100"))).isTrue();
        assertThat(rules.reached(false, new BigDecimal("100.11"), new BigDecimal("100"))).isFalse();
    }

    @Test
    void profit_decides_before_the_phase_target_which_the_buffer_can_let_a_price_below_the_entry_reach() {
        BigDecimal entry = new BigDecimal("100");
        assertThat(rules.closeReason(AgedPhase.GRACE_ACTIVE, true, entry, new BigDecimal("100.11"),
                new BigDecimal("100.05"))).contains(AgedCloseReason.AGED_PROFIT);
        // a buffer of 0.2 %: 100.11 × 0.998 = 99.90978
        assertThat(rules.withPriceBufferPercent(new BigDecimal("0.2")).closeReason(AgedPhase.GRACE_ACTIVE, true,
                entry, new BigDecimal("100.11"), new BigDecimal("99.95"))).contains(AgedCloseReason.AGED_BREAKEVEN);
        assertThat(rules.closeReason(AgedPhase.GRACE_ACTIVE, true, entry, new BigDecimal("100.11"),
                new BigDecimal("99.95"))).isEmpty();
        assertThat(rules.closeReason(AgedPhase.PROGRESSIVE_ACTIVE, false, entry, new BigDecimal("101"),
                new BigDecimal("101.05"))).contains(AgedCloseReason.AGED_PROGRESSIVE);
        assertThat(rules.closeReason(AgedPhase.PROGRESSIVE_ACTIVE, false, entry, new BigDecimal("101"),
                new BigDecimal("102"))).isEmpty();
    }

    @Test
    void each_retry_waits_twice_as_long_as_the_request_before() {
        assertThat(rules.closeTimeout(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(rules.closeTimeout(2)).isEqualTo(Duration.ofSeconds(120));
        assertThat(rules.closeTimeout(3)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void the_pnl_percent_of_a_short_is_positive_when_it_closes_below_its_entry() {
        assertThat(AgedPositionRules.pnlPercent(false, new BigDecimal("100"), new BigDecimal("98")))
                .isEqualByComparingTo("2");
        assertThat(AgedPositionRules.pnlPercent(true, new BigDecimal("100"), new BigDecimal("98")))
                .isEqualByComparingTo("-2");
    }
}
