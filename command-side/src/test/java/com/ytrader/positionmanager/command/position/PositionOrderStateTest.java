package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.FillAlreadyCounted;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static com.ytrader.positionmanager.command.position.EventExpectations.a;
import static com.ytrader.positionmanager.command.position.EventExpectations.exactly;
import static com.ytrader.positionmanager.command.position.Fills.buy;
import static com.ytrader.positionmanager.command.position.Fills.ofOrder;
import static com.ytrader.positionmanager.command.position.Fills.orderState;
import static org.assertj.core.api.Assertions.assertThat;

/** Order events carry the order's cumulative state: a position applies the increment, and counts a fill once. */
class PositionOrderStateTest {

    private final FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());

    @Test
    void a_partial_fill_then_the_filled_state_applies_only_the_increment_at_its_implied_price() {
        fixture.givenCommands(orderState("o1", Side.BUY, "0.4", "100", "0.04"))
                .when(orderState("o1", Side.BUY, "1.0", "101", "0.1"))
                .expectEventsMatching(exactly(a(FillApplied.class, fill -> {
                    assertThat(fill.quantity()).isEqualByComparingTo("0.6");
                    // (101 * 1.0 - 100 * 0.4) / 0.6
                    assertThat(fill.price()).isEqualByComparingTo("101.666666666666666667");
                    assertThat(fill.fee()).isEqualByComparingTo("0.06");
                    assertThat(fill.position().size()).isEqualByComparingTo("1.0");
                    assertThat(fill.position().averageEntryPrice()).isEqualByComparingTo("101");
                    assertThat(fill.position().totalFees()).isEqualByComparingTo("0.1");
                })));
    }

    @Test
    void a_repeated_or_older_order_state_changes_nothing() {
        fixture.givenCommands(orderState("o1", Side.BUY, "0.4", "100", "0"), orderState("o1", Side.BUY, "1", "101", "0"))
                .when(orderState("o1", Side.BUY, "0.4", "100", "0"))
                .expectResultMessagePayload(FillResult.DUPLICATE)
                .expectNoEvents();
        fixture.givenCommands(orderState("o1", Side.BUY, "1", "101", "0"))
                .when(orderState("o1", Side.BUY, "1", "101", "0"))
                .expectResultMessagePayload(FillResult.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void a_fill_seen_as_an_execution_and_then_in_the_orders_state_counts_once() {
        fixture.givenCommands(ofOrder("o1", buy("0.4", "100")))
                .when(orderState("o1", Side.BUY, "0.4", "100", "0"))
                .expectResultMessagePayload(FillResult.DUPLICATE)
                .expectNoEvents()
                .expectState(position -> assertThat(position.figures().size()).isEqualByComparingTo("0.4"));
    }

    @Test
    void a_fill_seen_in_the_orders_state_and_then_as_an_execution_counts_once_and_is_recorded() {
        fixture.givenCommands(orderState("o1", Side.BUY, "0.4", "100", "0"))
                .when(ofOrder("o1", buy("0.4", "100")))
                .expectResultMessagePayload(FillResult.DUPLICATE)
                .expectEventsMatching(exactly(a(FillAlreadyCounted.class, counted ->
                        assertThat(counted.order().executed().quantity()).isEqualByComparingTo("0.4"))))
                .expectState(position -> assertThat(position.figures().size()).isEqualByComparingTo("0.4"));
    }

    @Test
    void an_order_contributes_the_larger_of_its_executions_and_its_state_in_any_interleaving() {
        fixture.givenCommands(ofOrder("o1", buy("0.4", "100")), orderState("o1", Side.BUY, "1.0", "101", "0"))
                .when(ofOrder("o1", buy("0.6", "101.666666666666666667")))
                .expectResultMessagePayload(FillResult.DUPLICATE)
                .expectState(position -> {
                    assertThat(position.figures().size()).isEqualByComparingTo("1.0");
                    assertThat(position.figures().averageEntryPrice()).isEqualByComparingTo("101");
                });
        fixture.givenCommands(orderState("o1", Side.BUY, "0.4", "100", "0"), ofOrder("o1", buy("0.4", "100")),
                        ofOrder("o1", buy("0.6", "101.666666666666666667")))
                .when(orderState("o1", Side.BUY, "1.0", "101", "0"))
                .expectResultMessagePayload(FillResult.DUPLICATE)
                .expectState(position -> {
                    assertThat(position.figures().size()).isEqualByComparingTo("1.0");
                    assertThat(position.figures().averageEntryPrice()).isEqualByComparingTo("101");
                });
    }

    @Test
    void order_progress_survives_reloading_the_position_from_its_events() {
        fixture.givenCommands(orderState("o1", Side.BUY, "0.5", "100", "0"), ofOrder("o1", buy("0.4", "100")))
                .when(ofOrder("o1", buy("0.3", "100")))
                .expectEventsMatching(exactly(a(FillApplied.class, fill ->
                        assertThat(fill.quantity()).isEqualByComparingTo("0.2"))));
    }
}
