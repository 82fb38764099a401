package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.testsupport.ReferenceBook;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random executions (several sharing a seq, partial fills of one order, funding, flips, rebates, redeliveries),
 * delivered as executions, as cumulative order states, or as both on the two queues, and exchange reports derived
 * from an independent reference at random seqs, all in a random interleaving of the queues with fixing validations in
 * between: the position always ends as the reference says, whichever message came first. (Each queue delivers its
 * fills in the exchange's order, as one consumer per queue does; the average-cost method depends on that order.)
 */
class PositionTwoSourcesPropertyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final String ASSET = "BTCUSDT";
    /** Tolerance for the last digits of an average price divided at 18 places here and 34 in the reference. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");

    /** Fixed seeds, so that a run is reproducible: the seed names the scenario in every failure message. */
    static LongStream seeds() {
        return LongStream.concat(LongStream.of(0, -158, Long.MIN_VALUE, Long.MAX_VALUE),
                new Random(20261201).longs(200));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void any_interleaving_of_executions_order_states_and_reports_ends_at_the_reference_position(long seed) {
        Scenario scenario = Scenario.generate(new Random(seed));
        FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());
        List<Object> delivered = scenario.interleaved(new Random(seed ^ 0x5DEECE66DL));
        fixture.givenCommands(delivered.subList(0, delivered.size() - 1))
                .when(delivered.get(delivered.size() - 1))
                .expectState(position -> {
                    PositionFigures figures = position.figures();
                    ReferenceBook reference = scenario.reference;
                    assertThat(figures.size()).as("size, seed %d", seed).isEqualByComparingTo(reference.size());
                    assertClose("realized PnL, seed " + seed, figures.realizedPnl(), reference.realizedPnl());
                    if (reference.size().signum() != 0) {
                        assertClose("entry price, seed " + seed, figures.averageEntryPrice(),
                                reference.averageEntryPrice());
                    }
                    assertThat(figures.exchangeSeq()).isEqualTo(scenario.latestReportSeq);
                });
    }

    private static void assertClose(String what, BigDecimal actual, BigDecimal expected) {
        assertThat(actual.subtract(expected).abs()).as("%s: %s, reference %s", what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    /** Messages on three streams, each in its own order, and the reference of where they lead. */
    private static final class Scenario {

        final ReferenceBook reference = new ReferenceBook();
        final List<Object> executions = new ArrayList<>();
        final List<Object> orderStates = new ArrayList<>();
        final List<Object> reports = new ArrayList<>();
        final List<Instant> validationTimes = new ArrayList<>();
        Long latestReportSeq;

        static Scenario generate(Random random) {
            Scenario scenario = new Scenario();
            long seq = 0;
            int orders = 4 + random.nextInt(14);
            // 0: executions only (order_executed), 1: order states only (order_events), 2: the same fills on both;
            // each queue delivers in the exchange's order
            int delivery = random.nextInt(3);
            for (int order = 0; order < orders; order++) {
                if (random.nextInt(5) == 0) {
                    scenario.maybeReportAt(seq, random);
                    seq++;
                    BigDecimal paid = decimal(random, -50, 50, 2);
                    scenario.executions.add(ApplyFunding.of(ASSET, PositionMode.ONE_WAY, null, "funding-" + seq,
                            paid, at(seq), seq));
                    scenario.reference.settle(paid);
                }
                BigDecimal held = scenario.reference.size();
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                boolean reduces = held.signum() != 0 && (side == Side.BUY) != (held.signum() > 0);
                int parts = 1 + random.nextInt(3);
                // partial fills of one order never cross zero (its average state could not say where it crossed);
                // a single execution may flip the position
                BigDecimal total = reduces && parts > 1
                        ? held.abs().multiply(decimal(random, 1, 100, 0)).divide(new BigDecimal(100), 3,
                        RoundingMode.DOWN).max(new BigDecimal("0.003"))
                        : decimal(random, 1, 500, 2).divide(new BigDecimal(100), 3, RoundingMode.DOWN)
                        .max(new BigDecimal("0.001"));
                if (reduces && parts > 1 && total.compareTo(held.abs()) > 0) {
                    total = held.abs();
                }
                String orderId = "order-" + order;
                BigDecimal filled = BigDecimal.ZERO;
                BigDecimal notional = BigDecimal.ZERO;
                BigDecimal fees = BigDecimal.ZERO;
                for (int part = 0; part < parts; part++) {
                    BigDecimal quantity = part == parts - 1 ? total.subtract(filled)
                            : total.divide(new BigDecimal(parts), 3, RoundingMode.DOWN);
                    if (quantity.signum() <= 0) {
                        continue;
                    }
                    if (part == 0 || random.nextInt(3) > 0) {
                        // a report knows every execution up to its seq; executions of one match share a seq
                        scenario.maybeReportAt(seq, random);
                        seq++;
                    }
                    BigDecimal price = decimal(random, 9_000, 11_000, 1);
                    BigDecimal fee = decimal(random, -5, 20, 3).divide(new BigDecimal(100), 5, RoundingMode.DOWN);
                    String execId = orderId + "-exec-" + part;
                    ApplyFill execution = ApplyFill.of(ASSET, PositionMode.ONE_WAY, null, execId, orderId, side,
                            quantity, price, fee, at(seq), seq, null, null);
                    scenario.reference.fill(side == Side.BUY, quantity, price, fee);
                    filled = filled.add(quantity);
                    notional = notional.add(quantity.multiply(price));
                    fees = fees.add(fee);
                    if (delivery != 1) {
                        scenario.executions.add(execution);
                        if (random.nextInt(8) == 0) {
                            scenario.executions.add(execution); // a redelivery
                        }
                    }
                    if (delivery != 0) {
                        scenario.orderStates.add(ApplyOrderState.of(ASSET, PositionMode.ONE_WAY, null, orderId, side,
                                filled, toStorable(notional.divide(filled, MathContext.DECIMAL128)), fees, at(seq)));
                    }
                }
            }
            scenario.maybeReportAt(seq, random);
            Collections.shuffle(scenario.reports, random);
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                scenario.validationTimes.add(at(seq));
            }
            return scenario;
        }

        /** Sometimes, a report of the position as the reference has it after every execution up to {@code seq}. */
        private void maybeReportAt(long seq, Random random) {
            if (seq == 0 || random.nextInt(3) != 0) {
                return;
            }
            BigDecimal size = reference.size();
            BigDecimal entry = reference.averageEntryPrice();
            BigDecimal mark = decimal(random, 9_000, 11_000, 1);
            BigDecimal unrealized = entry == null ? BigDecimal.ZERO : mark.subtract(entry).multiply(size);
            reports.add(ReportExchangePosition.of(ASSET, PositionMode.ONE_WAY, 0, size,
                    entry == null ? null : toStorable(entry), mark, toStorable(unrealized),
                    toStorable(reference.realizedPnl()), seq, at(seq).plusMillis(5)));
            latestReportSeq = seq;
        }

        /** The three streams merged at random, each keeping its own order, with validations at random places. */
        List<Object> interleaved(Random random) {
            List<Deque<Object>> streams = new ArrayList<>(List.of(new ArrayDeque<>(executions),
                    new ArrayDeque<>(orderStates), new ArrayDeque<>(reports)));
            List<Object> merged = new ArrayList<>();
            Deque<Instant> validations = new ArrayDeque<>(validationTimes);
            boolean anyFill = false;
            while (streams.stream().anyMatch(stream -> !stream.isEmpty())) {
                List<Deque<Object>> open = streams.stream().filter(stream -> !stream.isEmpty()).toList();
                Object next = open.get(random.nextInt(open.size())).poll();
                merged.add(next);
                anyFill |= next instanceof ApplyFill || next instanceof ApplyOrderState;
                if (anyFill && !validations.isEmpty() && random.nextInt(10) == 0) {
                    // within the grace period of any pending difference: the executions are still on their way
                    merged.add(ValidatePosition.of(ASSET, PositionMode.ONE_WAY, true, validations.poll()));
                }
            }
            return merged;
        }

        /** As the exchange's messages carry decimals: at most 18 fraction digits (the service's bounds). */
        private static BigDecimal toStorable(BigDecimal value) {
            return value.setScale(18, RoundingMode.HALF_EVEN);
        }

        private static Instant at(long seq) {
            return T0.plusMillis(seq * 10);
        }

        private static BigDecimal decimal(Random random, int from, int to, int scale) {
            return BigDecimal.valueOf(from + random.nextInt(to - from + 1)).movePointLeft(scale);
        }
    }
}
