package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.testsupport.ReferenceBook;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Property: for any sequence of fills, the aggregate's size is exactly, and its entry price, realized PnL and
 * fees are to within rounding at the 18th decimal, what {@link ReferenceBook} computes.
 */
class PositionMatchesReferenceTest {

    private static final long SEED = 20261122L;
    private static final int SEQUENCES = 1_000;
    private static final int MAX_FILLS = 30;
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");

    @Test
    void random_fill_sequences_agree_with_an_independent_reference_computation() {
        Random random = new Random(SEED);
        int fillsChecked = 0;
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            List<ApplyFill> fills = randomFills(random, 1 + random.nextInt(MAX_FILLS));
            ReferenceBook reference = new ReferenceBook();
            fills.forEach(fill -> reference.fill(fill.side() == Side.BUY, fill.quantity(), fill.price(), fill.fee()));
            fillsChecked += fills.size();

            FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());
            String context = "sequence " + sequence + " (seed " + SEED + "): " + fills;
            fixture.givenCommands(fills.subList(0, fills.size() - 1).toArray())
                    .when(fills.get(fills.size() - 1))
                    .expectSuccessfulHandlerExecution()
                    .expectState(position -> {
                        PositionFigures figures = position.figures();
                        assertThat(figures.size()).as(context).isEqualByComparingTo(reference.size());
                        if (reference.averageEntryPrice() == null) {
                            assertThat(figures.averageEntryPrice()).as(context).isNull();
                        } else {
                            assertThat(figures.averageEntryPrice()).as(context)
                                    .isCloseTo(reference.averageEntryPrice(), within(TOLERANCE));
                        }
                        assertThat(figures.realizedPnl()).as(context)
                                .isCloseTo(reference.realizedPnl(), within(TOLERANCE));
                        assertThat(figures.totalFees()).as(context).isEqualByComparingTo(reference.fees());
                        assertThat(figures.fillCount()).as(context).isEqualTo(fills.size());
                    });
        }
        assertThat(fillsChecked).isGreaterThan(SEQUENCES * MAX_FILLS / 3);
    }

    /** Fills whose quantities often match the open size exactly, so closes and flips are common. */
    private static List<ApplyFill> randomFills(Random random, int count) {
        List<ApplyFill> fills = new ArrayList<>();
        BigDecimal open = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            BigDecimal quantity = random.nextInt(4) == 0 && open.signum() != 0
                    ? open.abs()
                    : BigDecimal.valueOf(1 + random.nextInt(50_000), 4);
            BigDecimal price = BigDecimal.valueOf(1_000_000 + random.nextInt(9_000_000), 2);
            BigDecimal fee = BigDecimal.valueOf(random.nextInt(1_000), 4);
            fills.add(Fills.fill(side, quantity.toPlainString(), price.toPlainString(), fee.toPlainString(),
                    PositionMode.ONE_WAY, null));
            open = open.add(side.signed(quantity));
        }
        return fills;
    }
}
