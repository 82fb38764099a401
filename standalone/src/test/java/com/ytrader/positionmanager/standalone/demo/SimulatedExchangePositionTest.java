package com.ytrader.positionmanager.standalone.demo;

import com.ytrader.positionmanager.events.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's exchange follows the aggregate's cost-basis rules, else its reports would record discrepancies. */
class SimulatedExchangePositionTest {

    private final SimulatedExchangePosition position = new SimulatedExchangePosition();

    @Test
    void increasing_weights_the_entry_price_and_reducing_realizes_against_it() {
        position.fill(Side.BUY, new BigDecimal("2"), new BigDecimal("100"), new BigDecimal("0.1"));
        position.fill(Side.BUY, new BigDecimal("2"), new BigDecimal("110"), new BigDecimal("0.1"));
        position.fill(Side.SELL, new BigDecimal("1"), new BigDecimal("120"), new BigDecimal("0.05"));

        assertThat(position.size()).isEqualByComparingTo("3");
        assertThat(position.reportedEntryPrice()).isEqualByComparingTo("105");
        assertThat(position.cumRealisedPnl()).isEqualByComparingTo("14.75"); // 15 - 0.25 fees
        assertThat(position.unrealisedPnl(new BigDecimal("100"))).isEqualByComparingTo("-15");
    }

    @Test
    void a_fill_across_zero_closes_the_position_and_opens_the_rest_at_the_fill_price() {
        position.fill(Side.BUY, new BigDecimal("3"), new BigDecimal("100"), BigDecimal.ZERO);
        position.fill(Side.SELL, new BigDecimal("5"), new BigDecimal("90"), BigDecimal.ZERO);

        assertThat(position.size()).isEqualByComparingTo("-2");
        assertThat(position.reportedEntryPrice()).isEqualByComparingTo("90");
        assertThat(position.cumRealisedPnl()).isEqualByComparingTo("-30");
        assertThat(position.unrealisedPnl(new BigDecimal("80"))).isEqualByComparingTo("20");
    }

    @Test
    void a_resumed_position_continues_from_the_stored_figures() {
        position.resumeFrom(new BigDecimal("-1.5"), new BigDecimal("200"), new BigDecimal("-3"));
        position.fill(Side.BUY, new BigDecimal("1.5"), new BigDecimal("190"), BigDecimal.ZERO);

        assertThat(position.size()).isEqualByComparingTo("0");
        assertThat(position.cumRealisedPnl()).isEqualByComparingTo("12");
    }
}
