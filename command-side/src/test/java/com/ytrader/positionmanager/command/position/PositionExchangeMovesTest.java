package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionOpened;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static com.ytrader.positionmanager.command.position.EventExpectations.a;
import static com.ytrader.positionmanager.command.position.EventExpectations.exactly;
import static com.ytrader.positionmanager.command.position.Fills.buy;
import static com.ytrader.positionmanager.command.position.Fills.feeIn;
import static com.ytrader.positionmanager.command.position.Fills.funding;
import static com.ytrader.positionmanager.command.position.Fills.movedByTheExchange;
import static com.ytrader.positionmanager.command.position.Fills.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** Executions that move a position without an order of ours, and what fees and funding do. */
class PositionExchangeMovesTest {

    private final FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());

    @Test
    void a_delivery_closes_the_position_at_the_delivery_price_with_reason_delivered() {
        fixture.givenCommands(buy("2", "100"))
                .when(movedByTheExchange(CloseReason.DELIVERED, sell("2", "103")))
                .expectEventsMatching(exactly(
                        a(FillApplied.class, fill -> {
                            assertThat(fill.closeReason()).isEqualTo(CloseReason.DELIVERED);
                            assertThat(fill.position().size()).isEqualByComparingTo("0");
                            assertThat(fill.position().realizedPnl()).isEqualByComparingTo("6");
                        }),
                        a(PositionClosed.class, closed ->
                                assertThat(closed.lifecycle().closeReason()).isEqualTo(CloseReason.DELIVERED))));
    }

    @Test
    void a_liquidation_carries_its_reason_into_the_fill_and_the_closed_lifecycle() {
        fixture.givenCommands(buy("1", "100"))
                .when(movedByTheExchange(CloseReason.LIQUIDATED, sell("1", "80")))
                .expectEventsMatching(exactly(
                        a(FillApplied.class, fill -> assertThat(fill.closeReason()).isEqualTo(CloseReason.LIQUIDATED)),
                        a(PositionClosed.class, closed ->
                                assertThat(closed.lifecycle().closeReason()).isEqualTo(CloseReason.LIQUIDATED))));
    }

    @Test
    void an_ordinary_close_has_no_close_reason() {
        fixture.givenCommands(buy("1", "100"))
                .when(sell("1", "101"))
                .expectEventsMatching(exactly(a(FillApplied.class),
                        a(PositionClosed.class, closed -> assertThat(closed.lifecycle().closeReason()).isNull())));
    }

    @Test
    void funding_and_settlement_change_realized_pnl_and_never_size() {
        fixture.givenCommands(buy("1", "100"))
                .when(funding(9, "0.25"))
                .expectState(position -> {
                    assertThat(position.figures().size()).isEqualByComparingTo("1");
                    assertThat(position.figures().realizedPnl()).isEqualByComparingTo("-0.25");
                });
    }

    @Test
    void a_negative_fee_is_a_maker_rebate_that_adds_to_realized_pnl() {
        fixture.givenNoPriorActivity()
                .when(buy("1", "100", "-0.02"))
                .expectEventsMatching(exactly(a(PositionOpened.class),
                        a(FillApplied.class, fill -> {
                            assertThat(fill.position().realizedPnl()).isEqualByComparingTo("0.02");
                            assertThat(fill.position().totalFees()).isEqualByComparingTo("-0.02");
                        })));
    }

    @Test
    void a_fee_in_another_currency_than_the_settle_currency_is_totalled_per_currency_and_not_subtracted() {
        fixture.givenCommands(feeIn("BTC", buy("1", "100", "0.001")))
                .when(feeIn("USDT", sell("1", "110", "0.1")))
                .expectEventsMatching(exactly(a(FillApplied.class, fill -> {
                    assertThat(fill.position().realizedPnl()).isEqualByComparingTo("9.9");
                    assertThat(fill.position().totalFees()).isEqualByComparingTo("0.1");
                    assertThat(fill.position().feesByCurrency()).containsOnlyKeys("BTC");
                    assertThat(fill.position().feesByCurrency().get("BTC")).isEqualByComparingTo("0.001");
                }), a(PositionClosed.class)));
    }
}
