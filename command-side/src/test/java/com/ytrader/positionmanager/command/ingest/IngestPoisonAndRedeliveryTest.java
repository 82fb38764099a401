package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.PositionFigures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.core.Message;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three thousand fills over thirty assets through the real broker into the real event store, a tenth of them
 * delivered twice, with every kind of poison mixed in: consumed directly (one partition), and routed to three
 * partitions by asset, where a message whose asset cannot be read is dead-lettered by the router.
 */
class IngestPoisonAndRedeliveryTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-8");

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 3})
    void every_fill_is_applied_once_every_poison_message_is_dead_lettered_with_its_reason_and_nothing_else_is(
            int partitions) {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("poison");
        FillStream stream = FillStream.generate(30, 3_000, 0.10, 20261122L);
        String someAsset = stream.expected().keySet().iterator().next();
        List<PoisonMessages.Poison> poison = PoisonMessages.forQueues(queues, someAsset);

        try (IngestApp app = IngestApp.start(queues, "--position-manager.ingest.partitions=" + partitions)) {
            List<Message> fills = new ArrayList<>(stream.messages());
            Random random = new Random(7);
            for (PoisonMessages.Poison each : poison) {
                if (each.queue().equals(queues.orderExecuted())) {
                    fills.add(random.nextInt(fills.size()), each.message());
                }
            }
            publishInChunks(app, queues.orderExecuted(), fills);
            for (PoisonMessages.Poison each : poison) {
                if (!each.queue().equals(queues.orderExecuted())) {
                    app.publish(each.queue(), List.of(each.message()));
                }
            }

            Map<String, Double> poisonPerQueue = poison.stream().collect(Collectors.groupingBy(
                    PoisonMessages.Poison::queue, Collectors.summingDouble(each -> 1)));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(app.ingested(queues.orderExecuted())).isEqualTo((double) fills.size());
                assertThat(app.ingested(queues.orderEvents())).isEqualTo(poisonPerQueue.get(queues.orderEvents()));
                assertThat(app.ingested(queues.wsPosition())).isEqualTo(poisonPerQueue.get(queues.wsPosition()));
            });

            assertThat(app.ingested(queues.orderExecuted(), IngestOutcome.APPLIED))
                    .as("outcomes %s", app.outcomes(queues.orderExecuted())).isEqualTo(3_000.0);
            assertThat(app.ingested(queues.orderExecuted(), IngestOutcome.DUPLICATE))
                    .isEqualTo((double) stream.redeliveries());
            assertThat(app.ingested(queues.orderExecuted(), IngestOutcome.DEAD_LETTERED))
                    .isEqualTo(poisonPerQueue.get(queues.orderExecuted()));

            stream.expected().forEach((asset, reference) -> {
                PositionFigures figures = app.figures(FillStream.positionId(asset));
                assertThat(figures.fillCount()).as("fills of %s", asset).isEqualTo(reference.fills());
                assertThat(figures.size()).as("size of %s", asset).isEqualByComparingTo(reference.size());
                assertThat(figures.totalFees()).as("fees of %s", asset).isEqualByComparingTo(reference.fees());
                assertThat(figures.realizedPnl().subtract(reference.realizedPnl()).abs())
                        .as("realized PnL of %s", asset).isLessThan(TOLERANCE);
            });

            Map<String, PoisonMessages.Poison> expectedDeadLetters = poison.stream()
                    .collect(Collectors.toMap(PoisonMessages.Poison::messageId, Function.identity()));
            List<Message> deadLetters = new ArrayList<>();
            for (String queue : queues.all()) {
                deadLetters.addAll(app.drain(IngestProperties.deadLetterQueue(queue)));
            }
            assertThat(deadLetters).extracting(message -> message.getMessageProperties().getMessageId())
                    .containsExactlyInAnyOrderElementsOf(expectedDeadLetters.keySet());
            for (Message deadLetter : deadLetters) {
                PoisonMessages.Poison original = expectedDeadLetters.get(deadLetter.getMessageProperties().getMessageId());
                Map<String, Object> headers = deadLetter.getMessageProperties().getHeaders();
                assertThat(String.valueOf(headers.get(DeadLetterPublisher.REASON)))
                        .as("reason of %s", original.messageId()).contains(original.reasonContains());
                assertThat(headers).containsEntry(DeadLetterPublisher.ORIGINAL_QUEUE, original.queue())
                        .containsEntry(DeadLetterPublisher.ORIGINAL_MESSAGE_ID, original.messageId())
                        .containsKey(DeadLetterPublisher.REJECTED_AT);
                assertThat(deadLetter.getBody()).isEqualTo(original.message().getBody());
            }
            for (String queue : queues.all()) {
                assertThat(app.messageCount(queue)).as("left in %s", queue).isZero();
                for (int partition = 0; partitions > 1 && partition < partitions; partition++) {
                    String partitionQueue = IngestProperties.partitionQueue(queue, partition);
                    assertThat(app.messageCount(partitionQueue)).as("left in %s", partitionQueue).isZero();
                }
            }

            String traced = stream.expected().keySet().iterator().next();
            assertThat(app.events(FillStream.positionId(traced))).allSatisfy(event -> assertThat(event.getMetaData())
                    .containsEntry(EventMetadata.SOURCE, "order_execution")
                    .containsKey(EventMetadata.MESSAGE_ID)
                    .hasEntrySatisfying(EventMetadata.TRACE_ID,
                            traceId -> assertThat(String.valueOf(traceId)).startsWith("trace-")));
        }
    }

    private static void publishInChunks(IngestApp app, String queue, List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 500) {
            app.publish(queue, messages.subList(from, Math.min(messages.size(), from + 500)));
        }
    }
}
