package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.PositionFigures;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A generated bad-input corpus (seeded: {@link BadInputCorpus}, every kind of poison at least once) interleaved with
 * three thousand valid fills, through the real broker: nothing stalls, every poison message is in its dead-letter
 * queue with its reason, the valid fills give the positions an independent computation gives, and the heap does not
 * grow with the corpus.
 */
class IngestBadInputCorpusTest {

    private static final long SEED = 20261201L;
    private static final int POISON = 7_500;
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-8");
    private static final long HEAP_GROWTH_LIMIT = 256L * 1024 * 1024;

    @Test
    void a_seeded_corpus_of_ten_thousand_messages_dead_letters_every_poison_message_and_applies_every_valid_fill() {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("corpus");
        FillStream stream = FillStream.generate(20, 3_000, 0.05, SEED);
        String poisonAsset = "C" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        List<BadInputCorpus.Poison> poison = BadInputCorpus.generate(queues, poisonAsset, POISON, SEED);
        assertThat(stream.messages().size() + poison.size()).isGreaterThanOrEqualTo(10_000);

        try (IngestApp app = IngestApp.start(queues)) {
            long heapBefore = usedHeapAfterGc();
            // messages with a per-message TTL first, while the queues are empty: in a backlog the broker could
            // expire them before they are consumed, which is what their sender asked for
            List<BadInputCorpus.Poison> expiring = poison.stream()
                    .filter(each -> each.message().getMessageProperties().getExpiration() != null).toList();
            publish(app, expiring);
            Map<String, List<Message>> perQueue = interleave(queues, stream.messages(), poison.stream()
                    .filter(each -> each.message().getMessageProperties().getExpiration() == null).toList());
            perQueue.forEach((queue, messages) -> publishInChunks(app, queue, messages));

            Map<String, Long> poisonPerQueue = poison.stream()
                    .collect(Collectors.groupingBy(BadInputCorpus.Poison::queue, Collectors.counting()));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(app.ingested(queues.orderExecuted()))
                        .isEqualTo((double) stream.messages().size() + poisonPerQueue.get(queues.orderExecuted()));
                assertThat(app.ingested(queues.orderEvents()))
                        .isEqualTo((double) poisonPerQueue.get(queues.orderEvents()));
                assertThat(app.ingested(queues.wsPosition()))
                        .isEqualTo((double) poisonPerQueue.get(queues.wsPosition()));
            });
            for (String queue : queues.all()) {
                assertThat(app.messageCount(queue)).as("left in %s", queue).isZero();
                assertThat(app.consumerCount(queue)).as("consumers of %s", queue).isEqualTo(1);
            }
            assertThat(app.context.getBeansOfType(SimpleMessageListenerContainer.class).values())
                    .allMatch(SimpleMessageListenerContainer::isRunning);

            assertThat(app.ingested(queues.orderExecuted(), IngestOutcome.APPLIED)).isEqualTo(3_000.0);
            assertThat(app.ingested(queues.orderExecuted(), IngestOutcome.DUPLICATE))
                    .isEqualTo((double) stream.redeliveries());
            stream.expected().forEach((asset, reference) -> {
                PositionFigures figures = app.figures(FillStream.positionId(asset));
                assertThat(figures.fillCount()).as("fills of %s", asset).isEqualTo(reference.fills());
                assertThat(figures.size()).as("size of %s", asset).isEqualByComparingTo(reference.size());
                assertThat(figures.totalFees()).as("fees of %s", asset).isEqualByComparingTo(reference.fees());
                assertThat(figures.realizedPnl().subtract(reference.realizedPnl()).abs())
                        .as("realized PnL of %s", asset).isLessThan(TOLERANCE);
            });

            Map<String, BadInputCorpus.Poison> expected = poison.stream()
                    .collect(Collectors.toMap(BadInputCorpus.Poison::messageId, Function.identity()));
            Map<String, Message> deadLetters = new HashMap<>();
            for (String queue : queues.all()) {
                for (Message deadLetter : app.drain(IngestProperties.deadLetterQueue(queue))) {
                    assertThat(deadLetters.put(deadLetter.getMessageProperties().getMessageId(), deadLetter))
                            .as("dead-lettered twice: %s", deadLetter.getMessageProperties().getMessageId()).isNull();
                }
            }
            assertThat(deadLetters.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            List<String> wrongReasons = new ArrayList<>();
            for (Message deadLetter : deadLetters.values()) {
                BadInputCorpus.Poison original = expected.get(deadLetter.getMessageProperties().getMessageId());
                Map<String, Object> headers = deadLetter.getMessageProperties().getHeaders();
                String reason = String.valueOf(headers.get(DeadLetterPublisher.REASON));
                if (!reason.contains(original.reasonContains())
                        || reason.length() > Abbreviation.MAX_REASON_CHARACTERS + 64
                        || !original.queue().equals(headers.get(DeadLetterPublisher.ORIGINAL_QUEUE))) {
                    wrongReasons.add(original.messageId() + ": " + reason);
                }
                assertThat(deadLetter.getBody()).isEqualTo(original.message().getBody());
                assertThat(deadLetter.getMessageProperties().getExpiration()).isNull();
            }
            assertThat(wrongReasons).isEmpty();

            assertThat(usedHeapAfterGc() - heapBefore).as("heap growth").isLessThan(HEAP_GROWTH_LIMIT);
        }
    }

    /** The valid fills in their order on their queue, the poison of each queue at random places among them. */
    private static Map<String, List<Message>> interleave(IngestApp.TestQueues queues, List<Message> fills,
                                                         List<BadInputCorpus.Poison> poison) {
        Random random = new Random(SEED);
        Map<String, List<Message>> perQueue = new HashMap<>();
        perQueue.put(queues.orderExecuted(), new ArrayList<>(fills));
        for (BadInputCorpus.Poison each : poison) {
            List<Message> messages = perQueue.computeIfAbsent(each.queue(), ignored -> new ArrayList<>());
            messages.add(random.nextInt(messages.size() + 1), each.message());
        }
        return perQueue;
    }

    private static void publish(IngestApp app, List<BadInputCorpus.Poison> poison) {
        poison.stream().collect(Collectors.groupingBy(BadInputCorpus.Poison::queue)).forEach((queue, messages) ->
                app.publish(queue, messages.stream().map(BadInputCorpus.Poison::message).toList()));
    }

    private static void publishInChunks(IngestApp app, String queue, List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 500) {
            app.publish(queue, messages.subList(from, Math.min(messages.size(), from + 500)));
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
