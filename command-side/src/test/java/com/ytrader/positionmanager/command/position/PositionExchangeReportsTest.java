package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.PositionSizeDiscrepancyDetected;
import com.ytrader.positionmanager.events.StaleExchangeReportIgnored;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.ytrader.positionmanager.command.position.EventExpectations.a;
import static com.ytrader.positionmanager.command.position.EventExpectations.exactly;
import static com.ytrader.positionmanager.command.position.Fills.AFTER_THE_FILLS;
import static com.ytrader.positionmanager.command.position.Fills.T0;
import static com.ytrader.positionmanager.command.position.Fills.buy;
import static com.ytrader.positionmanager.command.position.Fills.report;
import static org.assertj.core.api.Assertions.assertThat;

class PositionExchangeReportsTest {

    private FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());

    @Test
    void pnl_and_mark_price_always_come_from_the_exchange() {
        fixture.givenCommands(buy("1", "100", "0.1"))
                .when(report(5, AFTER_THE_FILLS, "1", "100", "104", "4", "-0.3"))
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class, report -> {
                    assertThat(report.position().currentPrice()).isEqualByComparingTo("104");
                    assertThat(report.position().unrealizedPnl()).isEqualByComparingTo("4");
                    assertThat(report.position().realizedPnl()).isEqualByComparingTo("-0.3");
                    assertThat(report.position().size()).isEqualByComparingTo("1");
                    assertThat(report.entryPriceAdopted()).isFalse();
                })));
    }

    @Test
    void the_exchange_entry_price_within_the_threshold_leaves_ours() {
        fixture.givenCommands(buy("1", "100"))
                .when(report(1, AFTER_THE_FILLS, "1", "100.09", "101", "1", "0")) // 0.09% < 0.1%
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class, report -> {
                    assertThat(report.entryPriceAdopted()).isFalse();
                    assertThat(report.position().averageEntryPrice()).isEqualByComparingTo("100");
                })));
    }

    @Test
    void the_exchange_entry_price_beyond_the_threshold_is_pending_first() {
        fixture.givenCommands(buy("1", "100"))
                .when(report(1, AFTER_THE_FILLS, "1", "100.2", "101", "0.8", "0")) // 0.2% > 0.1%
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class, report -> {
                    assertThat(report.entryPriceAdopted()).isFalse();
                    assertThat(report.discrepancyPendingSince()).isEqualTo(AFTER_THE_FILLS);
                    assertThat(report.position().averageEntryPrice()).isEqualByComparingTo("100");
                })));
    }

    @Test
    void the_exchange_entry_price_beyond_the_threshold_replaces_ours_once_it_outlives_the_grace_period() {
        fixture.givenCommands(buy("1", "100"), report(1, AFTER_THE_FILLS, "1", "100.2", "101", "0.8", "0"))
                .whenTimeElapses(Duration.ofSeconds(31))
                .expectEventsMatching(exactly(a(PositionCorrected.class, correction -> {
                    assertThat(correction.previousEntryPrice()).isEqualByComparingTo("100");
                    assertThat(correction.correctedEntryPrice()).isEqualByComparingTo("100.2");
                    assertThat(correction.position().averageEntryPrice()).isEqualByComparingTo("100.2");
                    assertThat(correction.position().unrealizedPnl()).isEqualByComparingTo("0.8");
                    assertThat(correction.exchangeSeq()).isEqualTo(1L);
                })));
    }

    @Test
    void an_absent_entry_price_keeps_ours() {
        fixture.givenCommands(buy("1", "100"))
                .when(report(1, AFTER_THE_FILLS, "1", null, "101", "1", "0"))
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class,
                        report -> assertThat(report.position().averageEntryPrice()).isEqualByComparingTo("100"))));
    }

    @Test
    void a_size_difference_is_pending_first_and_never_changes_the_size() {
        fixture.givenCommands(buy("1", "100"))
                .when(report(1, AFTER_THE_FILLS, "1.5", "100", "101", "1.5", "0"))
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class, report -> {
                    assertThat(report.coveredSize()).isEqualByComparingTo("1");
                    assertThat(report.discrepancyPendingSince()).isEqualTo(AFTER_THE_FILLS);
                    assertThat(report.position().size()).isEqualByComparingTo("1");
                    assertThat(report.position().exchangeSize()).isEqualByComparingTo("1.5");
                })))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), ReconcileGraceElapsed.DEADLINE);
    }

    @Test
    void a_size_difference_that_outlives_the_grace_period_is_a_confirmed_discrepancy() {
        fixture.givenCommands(buy("1", "100"), report(1, AFTER_THE_FILLS, "1.5", "100", "101", "1.5", "0"))
                .whenTimeElapses(Duration.ofSeconds(31))
                .expectEventsMatching(exactly(a(PositionSizeDiscrepancyDetected.class, discrepancy -> {
                    assertThat(discrepancy.recordedSize()).isEqualByComparingTo("1");
                    assertThat(discrepancy.reportedSize()).isEqualByComparingTo("1.5");
                    assertThat(discrepancy.difference()).isEqualByComparingTo("0.5");
                    assertThat(discrepancy.confirmedBy()).isEqualTo("grace_elapsed");
                })));
    }

    @Test
    void a_difference_explained_by_an_execution_within_the_grace_period_is_no_discrepancy() {
        fixture.givenCommands(report(5, T0.plusSeconds(30), "1", "100", "100", "0", "0"), Fills.at(buy("1", "100"), T0))
                .whenTimeElapses(Duration.ofSeconds(31))
                .expectNoEvents();
    }

    @Test
    void a_newer_report_past_the_grace_period_that_still_differs_confirms_the_discrepancy() {
        fixture.givenCommands(buy("1", "100"), report(1, AFTER_THE_FILLS, "1.5", "100", "101", "1.5", "0"))
                .when(report(2, AFTER_THE_FILLS.plusSeconds(45), "1.5", "100", "101", "1.5", "0"))
                .expectEventsMatching(exactly(
                        a(ExchangeReportApplied.class, report ->
                                assertThat(report.discrepancyPendingSince()).isEqualTo(AFTER_THE_FILLS)),
                        a(PositionSizeDiscrepancyDetected.class, discrepancy ->
                                assertThat(discrepancy.confirmedBy()).isEqualTo("newer_report"))));
    }

    @Test
    void a_size_difference_within_the_threshold_is_no_discrepancy() {
        fixture.givenCommands(buy("1", "100"))
                .when(report(1, AFTER_THE_FILLS, "1.00005", "100", "101", "1", "0"))
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class)));
    }

    @Test
    void a_report_with_a_lower_seq_is_recorded_as_stale_and_changes_nothing() {
        fixture.givenCommands(buy("1", "100"), report(7, T0, "1", "100", "110", "10", "0"))
                .when(report(6, T0.plusSeconds(5), "1", "100", "90", "-10", "0"))
                .expectEventsMatching(exactly(a(StaleExchangeReportIgnored.class, stale -> {
                    assertThat(stale.seq()).isEqualTo(6);
                    assertThat(stale.lastAppliedSeq()).isEqualTo(7);
                })))
                .expectState(position ->
                        assertThat(position.figures().currentPrice()).isEqualByComparingTo("110"));
    }

    @Test
    void reports_with_the_same_seq_are_ordered_by_updated_time() {
        fixture.givenCommands(buy("1", "100"), report(7, T0.plusSeconds(5), "1", "100", "110", "10", "0"))
                .when(report(7, T0, "1", "100", "90", "-10", "0"))
                .expectEventsMatching(exactly(a(StaleExchangeReportIgnored.class)));
    }

    @Test
    void a_later_report_with_the_same_seq_is_applied() {
        fixture.givenCommands(buy("1", "100"), report(7, T0, "1", "100", "110", "10", "0"))
                .when(report(7, T0.plusSeconds(1), "1", "100", "111", "11", "0"))
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class,
                        report -> assertThat(report.position().currentPrice()).isEqualByComparingTo("111"))));
    }

    @Test
    void a_never_traded_report_with_seq_minus_one_precedes_any_traded_one() {
        fixture.givenCommands(report(0, T0, "0", null, "100", "0", "0"))
                .when(report(-1, T0.plusSeconds(60), "0", null, "99", "0", "0"))
                .expectEventsMatching(exactly(a(StaleExchangeReportIgnored.class)));
    }

    @Test
    void when_the_exchange_owns_the_size_its_report_sets_size_and_entry_and_opens_and_closes_lifecycles() {
        fixture = PositionFixture.with(ReconciliationPolicy.defaults().withSizeSource(SizeSource.EXCHANGE));
        fixture.givenCommands(report(1, T0, "2", "100", "100", "0", "0"))
                .when(report(2, T0.plusSeconds(60), "0", null, "105", "0", "10"))
                .expectEventsMatching(exactly(
                        a(ExchangeReportApplied.class, report -> {
                            assertThat(report.sizeAdopted()).isTrue();
                            assertThat(report.position().size().signum()).isZero();
                            assertThat(report.position().realizedPnl()).isEqualByComparingTo("10");
                        }),
                        a(PositionClosed.class, closed -> {
                            assertThat(closed.lifecycle().openedAt()).isEqualTo(T0);
                            assertThat(closed.lifecycle().closedAt()).isEqualTo(T0.plusSeconds(60));
                            assertThat(closed.lifecycle().peakSize()).isEqualByComparingTo("2");
                        })));
    }

    @Test
    void when_the_exchange_owns_the_size_the_first_report_opens_the_position() {
        fixture = PositionFixture.with(ReconciliationPolicy.defaults().withSizeSource(SizeSource.EXCHANGE));
        fixture.givenNoPriorActivity()
                .when(report(1, T0, "-2", "100", "100", "0", "0"))
                .expectEventsMatching(exactly(
                        a(PositionOpened.class, opened -> assertThat(opened.openedAt()).isEqualTo(T0)),
                        a(ExchangeReportApplied.class, report -> {
                            assertThat(report.position().size()).isEqualByComparingTo("-2");
                            assertThat(report.position().averageEntryPrice()).isEqualByComparingTo("100");
                        })));
    }
}
