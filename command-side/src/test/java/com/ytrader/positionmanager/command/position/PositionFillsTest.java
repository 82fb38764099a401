package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FillLinked;
import com.ytrader.positionmanager.events.FillRelationship;
import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.stream.IntStream;

import static com.ytrader.positionmanager.command.position.EventExpectations.a;
import static com.ytrader.positionmanager.command.position.EventExpectations.exactly;
import static com.ytrader.positionmanager.command.position.Fills.T0;
import static com.ytrader.positionmanager.command.position.Fills.at;
import static com.ytrader.positionmanager.command.position.Fills.buy;
import static com.ytrader.positionmanager.command.position.Fills.dec;
import static com.ytrader.positionmanager.command.position.Fills.report;
import static com.ytrader.positionmanager.command.position.Fills.sell;
import static com.ytrader.positionmanager.command.position.Fills.withFillId;
import static org.assertj.core.api.Assertions.assertThat;

class PositionFillsTest {

    private FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());

    @Test
    void the_first_fill_opens_a_lifecycle_at_the_fill_price() {
        fixture.givenNoPriorActivity()
                .when(at(buy("1.5", "50000"), T0))
                .expectResultMessagePayload(FillResult.APPLIED)
                .expectEventsMatching(exactly(
                        a(PositionOpened.class, opened -> {
                            assertThat(opened.lifecycle()).isEqualTo(1);
                            assertThat(opened.openedAt()).isEqualTo(T0);
                        }),
                        a(FillApplied.class, fill -> {
                            assertThat(fill.relationship()).isEqualTo(FillRelationship.OPENED);
                            assertThat(fill.sizeDelta()).isEqualByComparingTo("1.5");
                            assertThat(fill.position().size()).isEqualByComparingTo("1.5");
                            assertThat(fill.position().averageEntryPrice()).isEqualByComparingTo("50000");
                            assertThat(fill.position().lifecycle().openedAt()).isEqualTo(T0);
                        })));
    }

    @Test
    void increasing_a_long_sets_the_size_weighted_average_entry_price() {
        fixture.givenCommands(buy("1", "100"))
                .when(buy("3", "120"))
                .expectEventsMatching(exactly(a(FillApplied.class, fill -> {
                    assertThat(fill.relationship()).isEqualTo(FillRelationship.INCREASED);
                    assertThat(fill.position().size()).isEqualByComparingTo("4");
                    assertThat(fill.position().averageEntryPrice()).isEqualByComparingTo("115");
                    assertThat(fill.realizedPnl()).isEqualByComparingTo("0");
                })));
    }

    @Test
    void reducing_a_long_realizes_pnl_at_the_average_price_and_keeps_the_average() {
        fixture.givenCommands(buy("1", "100"), buy("1", "120"))
                .when(sell("0.5", "130"))
                .expectEventsMatching(exactly(a(FillApplied.class, fill -> {
                    assertThat(fill.relationship()).isEqualTo(FillRelationship.DECREASED);
                    assertThat(fill.sizeDelta()).isEqualByComparingTo("-0.5");
                    assertThat(fill.realizedPnl()).isEqualByComparingTo("10"); // (130 - 110) * 0.5
                    assertThat(fill.position().size()).isEqualByComparingTo("1.5");
                    assertThat(fill.position().averageEntryPrice()).isEqualByComparingTo("110");
                    assertThat(fill.position().realizedPnl()).isEqualByComparingTo("10");
                })));
    }

    @Test
    void reducing_a_short_realizes_the_entry_price_minus_the_fill_price() {
        fixture.givenCommands(sell("2", "200"))
                .when(buy("0.5", "180"))
                .expectEventsMatching(exactly(a(FillApplied.class, fill -> {
                    assertThat(fill.relationship()).isEqualTo(FillRelationship.DECREASED);
                    assertThat(fill.realizedPnl()).isEqualByComparingTo("10"); // (200 - 180) * 0.5
                    assertThat(fill.position().size()).isEqualByComparingTo("-1.5");
                    assertThat(fill.position().averageEntryPrice()).isEqualByComparingTo("200");
                })));
    }

    @Test
    void fees_reduce_realized_pnl_and_are_totalled_including_those_of_opening_fills() {
        fixture.givenCommands(buy("1", "100", "0.1"))
                .when(sell("0.5", "110", "0.05"))
                .expectEventsMatching(exactly(a(FillApplied.class, fill -> {
                    assertThat(fill.realizedPnl()).isEqualByComparingTo("4.95"); // 5 - 0.05
                    assertThat(fill.position().realizedPnl()).isEqualByComparingTo("4.85"); // 5 - 0.1 - 0.05
                    assertThat(fill.position().totalFees()).isEqualByComparingTo("0.15");
                    assertThat(fill.position().fillCount()).isEqualTo(2);
                })));
    }

    @Test
    void an_exact_size_close_ends_the_lifecycle_with_its_closed_position_snapshot() {
        fixture.givenCommands(at(buy("1", "100", "0.1"), T0), at(buy("1", "200", "0.1"), T0.plusSeconds(60)),
                        at(sell("1", "160", "0.1"), T0.plusSeconds(120)))
                .when(at(sell("1", "180", "0.1"), T0.plusSeconds(180)))
                .expectEventsMatching(exactly(
                        a(FillApplied.class, fill -> {
                            assertThat(fill.relationship()).isEqualTo(FillRelationship.CLOSED);
                            assertThat(fill.position().size()).isEqualByComparingTo("0");
                            assertThat(fill.position().averageEntryPrice()).isNull();
                            assertThat(fill.position().lifecycle().closedAt()).isEqualTo(T0.plusSeconds(180));
                        }),
                        a(PositionClosed.class, closed -> {
                            assertThat(closed.lifecycle().number()).isEqualTo(1);
                            assertThat(closed.lifecycle().openedAt()).isEqualTo(T0);
                            assertThat(closed.lifecycle().closedAt()).isEqualTo(T0.plusSeconds(180));
                            assertThat(closed.lifecycle().peakSize()).isEqualByComparingTo("2");
                            assertThat(closed.lifecycle().averageExitPrice()).isEqualByComparingTo("170");
                            assertThat(closed.lifecycle().fillCount()).isEqualTo(4);
                            assertThat(closed.lifecycle().fees()).isEqualByComparingTo("0.4");
                            // (160 - 150) + (180 - 150) - 0.4
                            assertThat(closed.lifecycle().realizedPnl()).isEqualByComparingTo("39.6");
                        })));
    }

    @Test
    void many_small_fills_summing_to_the_size_close_the_position_exactly() {
        fixture.givenCommands(buy("1", "100"), sell("0.1", "101"), sell("0.1", "101"), sell("0.1", "101"),
                        sell("0.1", "101"), sell("0.1", "101"), sell("0.1", "101"), sell("0.1", "101"),
                        sell("0.1", "101"), sell("0.1", "101"))
                .when(sell("0.1", "101"))
                .expectEventsMatching(exactly(
                        a(FillApplied.class, fill -> {
                            assertThat(fill.relationship()).isEqualTo(FillRelationship.CLOSED);
                            assertThat(fill.position().size().signum()).isZero();
                            assertThat(fill.position().realizedPnl()).isEqualByComparingTo("1");
                        }),
                        a(PositionClosed.class)));
    }

    @Test
    void a_fill_crossing_zero_closes_the_lifecycle_and_opens_the_remainder_at_the_fill_price() {
        fixture.givenCommands(at(buy("1", "100", "0.3"), T0))
                .when(at(sell("3", "110", "0.3"), T0.plusSeconds(30)))
                .expectEventsMatching(exactly(
                        a(FillApplied.class, fill -> {
                            assertThat(fill.relationship()).isEqualTo(FillRelationship.REVERSED);
                            assertThat(fill.sizeDelta()).isEqualByComparingTo("-3");
                            assertThat(fill.realizedPnl()).isEqualByComparingTo("9.7"); // 10 - 0.3
                            assertThat(fill.position().size()).isEqualByComparingTo("-2");
                            assertThat(fill.position().averageEntryPrice()).isEqualByComparingTo("110");
                            assertThat(fill.position().lifecycle().number()).isEqualTo(2);
                            assertThat(fill.position().lifecycle().openedAt()).isEqualTo(T0.plusSeconds(30));
                            // the opening two thirds of the fee belong to the new lifecycle
                            assertThat(fill.position().lifecycle().fees()).isEqualByComparingTo("0.2");
                            assertThat(fill.position().lifecycle().realizedPnl()).isEqualByComparingTo("-0.2");
                        }),
                        a(PositionClosed.class, closed -> {
                            assertThat(closed.lifecycle().number()).isEqualTo(1);
                            assertThat(closed.lifecycle().closedAt()).isEqualTo(T0.plusSeconds(30));
                            assertThat(closed.lifecycle().fees()).isEqualByComparingTo("0.4"); // 0.3 + 0.1
                            assertThat(closed.lifecycle().realizedPnl()).isEqualByComparingTo("9.6");
                            assertThat(closed.lifecycle().averageExitPrice()).isEqualByComparingTo("110");
                        }),
                        a(PositionOpened.class, opened -> {
                            assertThat(opened.lifecycle()).isEqualTo(2);
                            assertThat(opened.openedAt()).isEqualTo(T0.plusSeconds(30));
                        })));
    }

    @Test
    void a_position_that_closes_and_reopens_starts_a_new_lifecycle_with_its_own_opened_at() {
        fixture.givenCommands(at(buy("1", "100"), T0), at(sell("1", "100"), T0.plusSeconds(10)))
                .when(at(sell("2", "90"), T0.plusSeconds(20)))
                .expectEventsMatching(exactly(
                        a(PositionOpened.class, opened -> assertThat(opened.lifecycle()).isEqualTo(2)),
                        a(FillApplied.class, fill -> {
                            assertThat(fill.relationship()).isEqualTo(FillRelationship.OPENED);
                            assertThat(fill.position().lifecycle().openedAt()).isEqualTo(T0.plusSeconds(20));
                            assertThat(fill.position().lifecycle().closedAt()).isNull();
                            assertThat(fill.position().lifecycle().fillCount()).isEqualTo(1);
                            assertThat(fill.position().fillCount()).isEqualTo(3);
                        })));
    }

    @Test
    void a_redelivered_fill_changes_nothing() {
        ApplyFill fill = buy("1", "100");
        fixture.givenCommands(fill, sell("0.5", "120"))
                .when(fill)
                .expectResultMessagePayload(FillResult.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void a_fill_with_a_new_id_and_the_same_figures_is_a_new_fill() {
        ApplyFill fill = buy("1", "100");
        fixture.givenCommands(fill)
                .when(withFillId(fill, "another-exec-id"))
                .expectResultMessagePayload(FillResult.APPLIED)
                .expectEventsMatching(exactly(a(FillApplied.class,
                        applied -> assertThat(applied.position().size()).isEqualByComparingTo("2"))));
    }

    @Test
    void remembered_fill_ids_stay_bounded_however_long_the_history_and_recent_redeliveries_are_still_caught() {
        int history = Position.REMEMBERED_FILL_IDS + 500;
        fixture.given(IntStream.range(0, history).mapToObj(PositionFillsTest::historicFill).toList())
                .when(withFillId(buy("1", "100"), "historic-" + (history - 1)))
                .expectResultMessagePayload(FillResult.DUPLICATE)
                .expectNoEvents()
                .expectState(position ->
                        assertThat(position.rememberedFillIds()).isEqualTo(Position.REMEMBERED_FILL_IDS));
    }

    private static FillApplied historicFill(int n) {
        PositionFigures figures = PositionFigures.flat(PositionMode.ONE_WAY);
        return new FillApplied(PositionId.of(Fills.ASSET, PositionMode.ONE_WAY), Fills.ASSET, PositionMode.ONE_WAY, 0,
                "historic-" + n, "order-" + n, Side.BUY, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO,
                T0.plusSeconds(n), FillRelationship.OPENED, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, false,
                null, figures);
    }

    @Test
    void unrealized_pnl_follows_a_fill_at_the_last_mark_price() {
        fixture.givenCommands(buy("1", "100"), report(1, T0, "1", "100", "105", "5", "0"))
                .when(buy("1", "110"))
                .expectEventsMatching(exactly(a(FillApplied.class, fill -> {
                    assertThat(fill.position().averageEntryPrice()).isEqualByComparingTo("105");
                    assertThat(fill.position().unrealizedPnl()).isEqualByComparingTo("0"); // (105 - 105) * 2
                })));
    }

    @Test
    void funding_changes_realized_pnl_and_never_size() {
        fixture.givenCommands(buy("2", "100"))
                .when(ApplyFunding.of(Fills.ASSET, PositionMode.ONE_WAY, null, "funding-1", dec("0.75"),
                        T0.plusSeconds(3600)))
                .expectEventsMatching(exactly(a(FundingApplied.class, funding -> {
                    PositionFigures position = funding.position();
                    assertThat(position.size()).isEqualByComparingTo("2");
                    assertThat(position.averageEntryPrice()).isEqualByComparingTo("100");
                    assertThat(position.realizedPnl()).isEqualByComparingTo("-0.75");
                    assertThat(position.fillCount()).isEqualTo(1);
                })));
    }

    @Test
    void a_redelivered_funding_settlement_changes_nothing() {
        ApplyFunding funding = ApplyFunding.of(Fills.ASSET, PositionMode.ONE_WAY, null, "funding-1", dec("0.75"), T0);
        fixture.givenCommands(buy("2", "100"), funding)
                .when(funding)
                .expectResultMessagePayload(FillResult.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void when_the_exchange_owns_the_size_a_fill_only_links_its_order() {
        fixture = PositionFixture.with(ReconciliationPolicy.defaults().withSizeSource(SizeSource.EXCHANGE));
        fixture.givenNoPriorActivity()
                .when(buy("1", "100"))
                .expectResultMessagePayload(FillResult.LINKED)
                .expectEventsMatching(exactly(a(FillLinked.class,
                        linked -> assertThat(linked.relationship()).isEqualTo(FillRelationship.OPENED))));
    }

    @Test
    void buying_after_a_partial_reduce_averages_with_the_remaining_quantity() {
        fixture.givenCommands(buy("1", "100", "0.1"), sell("0.25", "120", "0.1"))
                .when(buy("0.25", "90"))
                .expectState(position -> {
                    PositionFigures figures = position.figures();
                    assertThat(figures.size()).isEqualByComparingTo("1");
                    assertThat(figures.averageEntryPrice()).isEqualByComparingTo("97.5"); // (0.75 * 100 + 0.25 * 90) / 1
                    assertThat(figures.realizedPnl()).isEqualByComparingTo("4.8");
                });
    }
}
