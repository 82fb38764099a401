package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FillRelationship;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static com.ytrader.positionmanager.command.position.EventExpectations.a;
import static com.ytrader.positionmanager.command.position.EventExpectations.exactly;
import static com.ytrader.positionmanager.command.position.Fills.ASSET;
import static com.ytrader.positionmanager.command.position.Fills.T0;
import static com.ytrader.positionmanager.command.position.Fills.dec;
import static com.ytrader.positionmanager.command.position.Fills.fill;
import static com.ytrader.positionmanager.command.position.Fills.hedge;
import static org.assertj.core.api.Assertions.assertThat;

class PositionHedgeModeTest {

    private FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());

    @Test
    void hedge_mode_keeps_a_long_and_a_short_leg_and_nets_them_into_size() {
        fixture.givenCommands(hedge(Side.BUY, 1, "1", "100"))
                .when(hedge(Side.SELL, 2, "3", "110"))
                .expectEventsMatching(exactly(a(FillApplied.class, fill -> {
                    assertThat(fill.positionIdx()).isEqualTo(2);
                    assertThat(fill.relationship()).isEqualTo(FillRelationship.OPENED);
                    assertThat(fill.position().longSize()).isEqualByComparingTo("1");
                    assertThat(fill.position().shortSize()).isEqualByComparingTo("3");
                    assertThat(fill.position().size()).isEqualByComparingTo("-2");
                    assertThat(fill.position().leg(1).averageEntryPrice()).isEqualByComparingTo("100");
                    assertThat(fill.position().leg(2).averageEntryPrice()).isEqualByComparingTo("110");
                    assertThat(fill.position().entryNotional()).isEqualByComparingTo("430");
                    // no single entry price for a long and a short held together: each leg has its own
                    assertThat(fill.position().averageEntryPrice()).isNull();
                    assertThat(fill.position().longEntryPrice()).isEqualByComparingTo("100");
                    assertThat(fill.position().shortEntryPrice()).isEqualByComparingTo("110");
                })));
    }

    @Test
    void selling_on_the_long_leg_reduces_it_and_realizes_its_pnl() {
        fixture.givenCommands(hedge(Side.BUY, 1, "2", "100"), hedge(Side.SELL, 2, "1", "120"))
                .when(hedge(Side.SELL, 1, "1", "130"))
                .expectEventsMatching(exactly(a(FillApplied.class, fill -> {
                    assertThat(fill.relationship()).isEqualTo(FillRelationship.DECREASED);
                    assertThat(fill.realizedPnl()).isEqualByComparingTo("30");
                    assertThat(fill.position().longSize()).isEqualByComparingTo("1");
                    assertThat(fill.position().shortSize()).isEqualByComparingTo("1");
                    assertThat(fill.position().size().signum()).isZero();
                })));
    }

    @Test
    void the_position_closes_only_when_both_legs_are_flat() {
        fixture.givenCommands(hedge(Side.BUY, 1, "1", "100"), hedge(Side.SELL, 2, "1", "100"),
                        hedge(Side.SELL, 1, "1", "100"))
                .when(hedge(Side.BUY, 2, "1", "90"))
                .expectEventsMatching(exactly(
                        a(FillApplied.class, fill -> assertThat(fill.relationship()).isEqualTo(FillRelationship.CLOSED)),
                        a(PositionClosed.class, closed -> {
                            assertThat(closed.lifecycle().realizedPnl()).isEqualByComparingTo("10");
                            assertThat(closed.lifecycle().peakSize()).isEqualByComparingTo("2");
                        })));
    }

    @Test
    void a_hedge_fill_without_its_leg_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(fill(Side.BUY, "1", "100", "0", PositionMode.HEDGE, null))
                .expectException(InvalidPositionCommandException.class)
                .expectExceptionMessage("a hedge-mode message must name its leg: position_idx 1 (long) or 2 (short)")
                .expectNoEvents();
    }

    @Test
    void selling_more_than_the_long_leg_holds_is_rejected_because_a_leg_cannot_flip() {
        fixture.givenCommands(hedge(Side.BUY, 1, "1", "100"))
                .when(hedge(Side.SELL, 1, "1.5", "100"))
                .expectException(InvalidPositionCommandException.class)
                .expectNoEvents();
    }

    @Test
    void buying_on_an_empty_short_leg_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(hedge(Side.BUY, 2, "1", "100"))
                .expectException(InvalidPositionCommandException.class)
                .expectNoEvents();
    }

    @Test
    void a_hedge_report_on_the_short_leg_must_not_be_long() {
        fixture.givenNoPriorActivity()
                .when(ReportExchangePosition.of(ASSET, PositionMode.HEDGE, 2, dec("1"), null, dec("100"), dec("0"),
                        dec("0"), 1, T0))
                .expectException(InvalidPositionCommandException.class)
                .expectNoEvents();
    }
}
