package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.testsupport.ReferenceBook;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default, one partition, with two instances on one broker: each inbound queue is held by one instance's
 * exclusive consumer, so one instance applies an asset's fills, in order, and the other stands by until the first
 * one's connection goes. Before, both consumed every queue and applied one asset's fills in two interleaved streams.
 */
class StandbyInstanceTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");
    private static final String[] SETTINGS = {"--position-manager.fanout.enabled=false"};

    @Test
    void with_one_partition_a_second_instance_stands_by_and_takes_over_in_order_when_the_first_goes() {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("standby");
        FillStream before = FillStream.generate(3, 1_500, 0.0, 31);
        FillStream after = FillStream.generate(3, 1_500, 0.0, 32);
        IngestApp standby = null;
        try {
            try (IngestApp active = IngestApp.start(queues, SETTINGS)) {
                standby = IngestApp.start(queues, SETTINGS);
                await().atMost(Duration.ofSeconds(30)).until(() -> queues.all().stream()
                        .allMatch(queue -> active.consumerCount(queue) >= 1));
                active.publish(queues.orderExecuted(), before.messages());
                IngestApp standingBy = standby;
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                        .until(() -> active.ingested(queues.orderExecuted())
                                + standingBy.ingested(queues.orderExecuted()) >= before.messages().size());

                assertThat(queues.all()).allSatisfy(queue ->
                        assertThat(active.consumerCount(queue)).as("consumers of " + queue).isEqualTo(1));
                assertThat(standby.ingested(queues.orderExecuted())).as("applied by the standby").isZero();
                assertEqualsReference(active, before.expected());
            }

            IngestApp takenOver = standby;
            await().atMost(Duration.ofSeconds(30)).until(() -> takenOver.consumerCount(queues.orderExecuted()) == 1);
            takenOver.publish(queues.orderExecuted(), after.messages());
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> takenOver.ingested(queues.orderExecuted()) >= after.messages().size());
            assertEqualsReference(takenOver, after.expected());
        } finally {
            if (standby != null) {
                standby.close();
            }
        }
    }

    private static void assertEqualsReference(IngestApp app, Map<String, ReferenceBook> expected) {
        expected.forEach((asset, reference) -> {
            PositionFigures figures = app.figures(FillStream.positionId(asset));
            assertThat(figures.fillCount()).as(asset + " fills").isEqualTo(reference.fills());
            assertThat(figures.size()).as(asset + " size").isEqualByComparingTo(reference.size());
            assertThat(figures.totalFees()).as(asset + " fees").isEqualByComparingTo(reference.fees());
            // the order of an asset's buys and sells decides the realized PnL: two streams would change it
            assertThat(figures.realizedPnl().subtract(reference.realizedPnl()).abs()).as(asset + " realized")
                    .isLessThan(TOLERANCE);
        });
    }
}
