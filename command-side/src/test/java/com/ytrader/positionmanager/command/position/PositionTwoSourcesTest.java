package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.ExchangeFigures;
import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionSizeDiscrepancyDetected;
import com.ytrader.positionmanager.events.PositionValidated;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.ytrader.positionmanager.command.position.EventExpectations.a;
import static com.ytrader.positionmanager.command.position.EventExpectations.exactly;
import static com.ytrader.positionmanager.command.position.Fills.ASSET;
import static com.ytrader.positionmanager.command.position.Fills.T0;
import static com.ytrader.positionmanager.command.position.Fills.buy;
import static com.ytrader.positionmanager.command.position.Fills.funding;
import static com.ytrader.positionmanager.command.position.Fills.report;
import static com.ytrader.positionmanager.command.position.Fills.sell;
import static com.ytrader.positionmanager.command.position.Fills.seq;
import static org.assertj.core.api.Assertions.assertThat;

/** Fills and exchange reports race: the exchange's sequence decides, never the order they arrive in. */
class PositionTwoSourcesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());

    @Test
    void a_report_consumed_before_the_funding_it_contains_does_not_count_the_funding_twice() {
        fixture.givenCommands(seq(1, buy("1", "50")), report(2, T0, "1", "50", "50", "0", "-0.5"))
                .when(funding(2, "0.5"))
                .expectState(position ->
                        assertThat(position.figures().realizedPnl()).isEqualByComparingTo("-0.5"));
    }

    @Test
    void the_same_funding_and_report_in_the_other_order_give_the_same_realized_pnl() {
        fixture.givenCommands(seq(1, buy("1", "50")), funding(2, "0.5"))
                .when(report(2, T0, "1", "50", "50", "0", "-0.5"))
                .expectState(position ->
                        assertThat(position.figures().realizedPnl()).isEqualByComparingTo("-0.5"));
    }

    @Test
    void a_report_older_than_newer_fills_keeps_the_pnl_they_realized() {
        fixture.givenCommands(seq(1, buy("1", "100")), seq(3, sell("0.5", "110")))
                .when(report(2, T0, "1", "100", "100", "0", "-0.2"))
                .expectState(position -> {
                    // the exchange's -0.2 up to seq 2, plus the +5 of the sell at seq 3 it does not contain
                    assertThat(position.figures().realizedPnl()).isEqualByComparingTo("4.8");
                    assertThat(position.figures().exchangeRealizedPnl()).isEqualByComparingTo("-0.2");
                    assertThat(position.figures().exchangeSeq()).isEqualTo(2L);
                });
    }

    @Test
    void executions_of_one_match_share_a_seq_and_are_all_covered_by_a_report_at_that_seq() {
        fixture.givenCommands(report(4, T0, "2", "100", "100", "0", "-0.3"), seq(4, buy("1", "100", "0.1")))
                .when(seq(4, buy("1", "100", "0.2")))
                .expectState(position -> {
                    assertThat(position.figures().realizedPnl()).isEqualByComparingTo("-0.3");
                    assertThat(position.figures().size()).isEqualByComparingTo("2");
                });
    }

    @Test
    void without_seqs_a_report_covers_the_executions_up_to_its_updated_time() {
        fixture.givenCommands(Fills.at(buy("1", "100", "0.1"), T0), report(0, T0.plusSeconds(1), "1", "100", "100",
                        "0", "-0.1"))
                .when(Fills.at(sell("1", "110", "0.1"), T0.plusSeconds(2)))
                .expectState(position ->
                        assertThat(position.figures().realizedPnl()).isEqualByComparingTo("9.8"));
    }

    @Test
    void a_report_consumed_before_the_fill_it_reflects_is_pending_and_never_a_discrepancy() {
        fixture.givenCommands(report(5, T0, "1", "100", "100", "0", "0"))
                .when(seq(5, buy("1", "100")))
                .expectState(position -> assertThat(position.figures().size()).isEqualByComparingTo("1"));
        fixture.givenCommands(report(5, T0, "1", "100", "100", "0", "0"), seq(5, buy("1", "100")))
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectNoEvents();
    }

    @Test
    void reports_that_keep_racing_their_fills_for_longer_than_the_grace_period_are_never_a_discrepancy() {
        // each report is consumed before the fill it reflects, and the fill follows; the first was 40 s ago
        fixture.givenCommands(seq(1, buy("1", "100")), report(2, T0, "2", "100", "100", "0", "0"),
                        seq(2, buy("1", "100")))
                .when(report(3, T0.plusSeconds(40), "3", "100", "100", "0", "0"))
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class, applied ->
                        assertThat(applied.discrepancyPendingSince()).isEqualTo(T0.plusSeconds(40)))));
        fixture.givenCommands(seq(1, buy("1", "100")), report(2, T0, "2", "100", "100", "0", "0"),
                        seq(2, buy("1", "100")), report(3, T0.plusSeconds(40), "3", "100", "100", "0", "0"),
                        seq(3, buy("1", "100")))
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectNoEvents();
    }

    @Test
    void a_difference_no_execution_explains_keeps_its_first_time_and_is_confirmed_by_a_report_after_the_grace() {
        fixture.givenCommands(seq(1, buy("1", "100")), report(2, T0, "2", "100", "100", "0", "0"))
                .when(report(3, T0.plusSeconds(40), "2", "100", "100", "0", "0"))
                .expectEventsMatching(exactly(
                        a(ExchangeReportApplied.class, applied ->
                                assertThat(applied.discrepancyPendingSince()).isEqualTo(T0)),
                        a(PositionSizeDiscrepancyDetected.class, detected ->
                                assertThat(detected.confirmedBy()).isEqualTo("newer_report"))));
    }

    @Test
    void validation_never_corrects_a_position_back_to_a_report_older_than_its_fills() {
        fixture.givenCommands(seq(1, buy("1", "100")), report(5, T0, "1", "100", "100", "0", "0"),
                        seq(6, buy("1", "102")))
                .when(ValidatePosition.of(ASSET, PositionMode.ONE_WAY, true, NOW))
                .expectEventsMatching(exactly(a(PositionValidated.class, validated -> {
                    assertThat(validated.valid()).isTrue();
                    assertThat(validated.corrected()).isFalse();
                })))
                .expectState(position -> {
                    assertThat(position.figures().size()).isEqualByComparingTo("2");
                    assertThat(position.figures().averageEntryPrice()).isEqualByComparingTo("101");
                });
    }

    @Test
    void validation_does_not_correct_a_difference_still_within_the_grace_period() {
        fixture.givenCommands(seq(1, buy("1", "100")), report(5, NOW, "1.5", "100", "100", "0", "0"))
                .when(ValidatePosition.of(ASSET, PositionMode.ONE_WAY, true, NOW.plusSeconds(5)))
                .expectEventsMatching(exactly(a(PositionValidated.class, validated -> {
                    assertThat(validated.valid()).isFalse();
                    assertThat(validated.corrected()).isFalse();
                    assertThat(validated.message()).contains("pending");
                })));
    }

    @Test
    void validation_corrects_by_the_difference_at_the_reports_seq_and_keeps_the_newer_executions() {
        fixture.givenCommands(seq(1, buy("1", "100")), report(5, T0, "1.5", "100", "100", "0", "0"),
                        seq(6, buy("1", "100")))
                .when(ValidatePosition.of(ASSET, PositionMode.ONE_WAY, true, NOW))
                .expectEventsMatching(exactly(
                        a(PositionCorrected.class, correction -> {
                            assertThat(correction.previousSize()).isEqualByComparingTo("2");
                            assertThat(correction.correctedSize()).isEqualByComparingTo("2.5");
                            assertThat(correction.exchangeSeq()).isEqualTo(5L);
                        }),
                        a(PositionValidated.class)));
    }

    @Test
    void validation_against_the_exchanges_rest_position_at_a_newer_seq_corrects_at_once() {
        var fetched = new ExchangeFigures(9, NOW, new BigDecimal("3"), new BigDecimal("100"),
                new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO);
        fixture.givenCommands(seq(1, buy("2", "100")), report(5, NOW, "2", "100", "100", "0", "0"))
                .when(ValidatePosition.against(ASSET, PositionMode.ONE_WAY, true, NOW, Map.of(0, fetched)))
                .expectEventsMatching(exactly(a(PositionCorrected.class, correction ->
                                assertThat(correction.correctedSize()).isEqualByComparingTo("3")),
                        a(PositionValidated.class)));
    }

    @Test
    void unrealized_pnl_is_the_reports_while_in_step_and_recomputed_at_its_mark_when_our_size_moves_after_it() {
        fixture.givenCommands(seq(1, buy("1", "100")), report(1, T0, "1", "100", "104", "4.01", "0"))
                .when(seq(2, buy("1", "104")))
                .expectEventsMatching(exactly(a(FillApplied.class, fill ->
                        assertThat(fill.position().unrealizedPnl()).isEqualByComparingTo("4"))));
        fixture.givenCommands(seq(1, buy("1", "100")))
                .when(report(1, T0, "1", "100", "104", "4.01", "0"))
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class, report ->
                        assertThat(report.position().unrealizedPnl()).isEqualByComparingTo("4.01"))));
    }

    @Test
    void the_exchange_entry_price_is_not_taken_from_a_report_that_lacks_our_newer_fills() {
        fixture.givenCommands(seq(1, buy("1", "100")), seq(2, buy("1", "110")))
                .when(report(1, T0, "1", "100", "105", "5", "0"))
                .expectState(position ->
                        assertThat(position.figures().averageEntryPrice()).isEqualByComparingTo("105"));
    }

    @Test
    void a_confirmed_discrepancy_is_recorded_once_however_many_reports_repeat_it() {
        fixture.givenCommands(seq(1, buy("1", "100")), report(2, T0, "2", "100", "100", "0", "0"),
                        report(3, T0.plusSeconds(40), "2", "100", "100", "0", "0"))
                .when(report(4, T0.plusSeconds(80), "2", "100", "100", "0", "0"))
                .expectEventsMatching(exactly(a(ExchangeReportApplied.class)));
        fixture.givenCommands(seq(1, buy("1", "100")), report(2, T0, "2", "100", "100", "0", "0"),
                        report(3, T0.plusSeconds(40), "2", "100", "100", "0", "0"))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectEventsMatching(exactly());
    }
}
