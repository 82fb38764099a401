package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.PositionFigures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances (two application contexts, two command buses, one event store) consuming one queue and so writing
 * the same position at the same moment. The event store's {@code (aggregate_identifier, sequence_number)} key refuses
 * the second of two appends at one sequence; the ingest takes that for a transient failure and applies the message
 * again on the position as now stored. Only buys, so that the figures do not depend on which instance went first.
 */
class ConcurrentWritersTest {

    private static final int FILLS = 2_000;

    @Test
    void two_instances_writing_one_position_at_once_end_with_every_fill_applied_once() {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("writers");
        String asset = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase() + "USDT";
        Random random = new Random(15);
        List<Message> fills = new ArrayList<>();
        BigDecimal size = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (int n = 0; n < FILLS; n++) {
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(1000), 3);
            BigDecimal price = BigDecimal.valueOf(10_000 + random.nextInt(10_000), 2);
            BigDecimal fee = BigDecimal.valueOf(random.nextInt(100), 4);
            size = size.add(quantity);
            cost = cost.add(quantity.multiply(price));
            fees = fees.add(fee);
            fills.add(IngestApp.json(asset + "-m" + n, """
                    {"order_id":"%s-o%d","exec_id":"%s-e%d","asset":"%s","side":"Buy","filled_quantity":"%s",\
                    "execution_price":"%s","execution_fees":"%s","mode":"one-way"}"""
                    .formatted(asset, n, asset, n, asset, quantity.toPlainString(), price.toPlainString(),
                            fee.toPlainString())));
        }
        // small batches: more commits, so more moments at which the other instance's append is refused; two consumers
        // per instance, because with one the queue's exclusive consumer would leave the second instance standing by
        String[] settings = {"--position-manager.ingest.batch-size=20", "--position-manager.ingest.concurrency=2",
                "--position-manager.fanout.enabled=false"};
        try (IngestApp first = IngestApp.start(queues, settings);
             IngestApp second = IngestApp.start(queues, settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.consumerCount(queues.orderExecuted()) == 4);
            for (int from = 0; from < FILLS; from += 500) {
                first.publish(queues.orderExecuted(), fills.subList(from, from + 500));
            }

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() ->
                    first.ingested(queues.orderExecuted()) + second.ingested(queues.orderExecuted()) >= FILLS);

            assertThat(first.ingested(queues.orderExecuted(), IngestOutcome.APPLIED)).as("first instance applied")
                    .isPositive();
            assertThat(second.ingested(queues.orderExecuted(), IngestOutcome.APPLIED)).as("second instance applied")
                    .isPositive();
            assertThat(retries(first, queues.orderExecuted()) + retries(second, queues.orderExecuted()))
                    .as("appends refused by the other instance's and retried").isPositive();
            String positionId = FillStream.positionId(asset);
            assertThat(first.events(positionId).stream().filter(event -> event.getPayload() instanceof FillApplied)
                    .count()).as("fills in the event store").isEqualTo(FILLS);
            PositionFigures figures = first.figures(positionId);
            assertThat(figures.fillCount()).isEqualTo(FILLS);
            assertThat(figures.size()).isEqualByComparingTo(size);
            assertThat(figures.totalFees()).isEqualByComparingTo(fees);
            assertThat(figures.realizedPnl()).isEqualByComparingTo(fees.negate());
            assertThat(figures.averageEntryPrice().subtract(cost.divide(size, MathContext.DECIMAL128)).abs())
                    .isLessThan(new BigDecimal("1e-12"));
            assertThat(first.messageCount(IngestProperties.deadLetterQueue(queues.orderExecuted()))).isZero();
        }
    }

    private static double retries(IngestApp app, String queue) {
        return app.context.getBean(MeterRegistry.class).find(IngestMetrics.RETRIES).tag("queue", queue)
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
