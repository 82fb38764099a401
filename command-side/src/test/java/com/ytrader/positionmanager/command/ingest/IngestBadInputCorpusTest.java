package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.PositionFigures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-8");
    private static final long HEAP_GROWTH_LIMIT = 256L * 1024 * 1024;

    /**
     * Ten thousand messages into one instance consuming the queues directly; a smaller corpus (every kind still at
     * least once) into two instances that route the queues to three partitions, where the router dead-letters what
     * names no asset and the partitions' consumers the rest.
     */
    @ParameterizedTest(name = "{0} instance(s), {1} partition(s), {2} poison among {3} fills")
    @CsvSource({"1, 1, 7500, 3000", "2, 3, 1500, 1000"})
    void a_seeded_corpus_dead_letters_every_poison_message_and_applies_every_valid_fill(
            int instances, int partitions, int poisonCount, int fills) {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("corpus");
        FillStream stream = FillStream.generate(20, fills, 0.05, SEED);
        String poisonAsset = "C" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        List<BadInputCorpus.Poison> poison = BadInputCorpus.generate(queues, poisonAsset, poisonCount, SEED);

        List<IngestApp> apps = new ArrayList<>();
        try {
            for (int instance = 0; instance < instances; instance++) {
                apps.add(IngestApp.start(queues, "--position-manager.ingest.partitions=" + partitions));
            }
            IngestApp app = apps.get(0);
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
                assertThat(ingested(apps, queues.orderExecuted(), null))
                        .isEqualTo((double) stream.messages().size() + poisonPerQueue.get(queues.orderExecuted()));
                assertThat(ingested(apps, queues.orderEvents(), null))
                        .isEqualTo((double) poisonPerQueue.get(queues.orderEvents()));
                assertThat(ingested(apps, queues.wsPosition(), null))
                        .isEqualTo((double) poisonPerQueue.get(queues.wsPosition()));
            });
            for (String queue : queues.all()) {
                assertThat(app.messageCount(queue)).as("left in %s", queue).isZero();
                assertThat(app.consumerCount(queue)).as("consumers of %s", queue).isEqualTo(1);
                for (int partition = 0; partitions > 1 && partition < partitions; partition++) {
                    String partitionQueue = IngestProperties.partitionQueue(queue, partition);
                    assertThat(app.messageCount(partitionQueue)).as("left in %s", partitionQueue).isZero();
                }
            }
            assertThat(apps).allSatisfy(each -> assertThat(
                    each.context.getBeansOfType(SimpleMessageListenerContainer.class).values())
                    .allMatch(SimpleMessageListenerContainer::isRunning));

            assertThat(ingested(apps, queues.orderExecuted(), IngestOutcome.APPLIED)).isEqualTo((double) fills);
            assertThat(ingested(apps, queues.orderExecuted(), IngestOutcome.DUPLICATE))
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
        } finally {
            apps.forEach(IngestApp::close);
        }
    }

    /** What the instances counted together: of every outcome when {@code outcome} is null. */
    private static double ingested(List<IngestApp> apps, String queue, IngestOutcome outcome) {
        return apps.stream().mapToDouble(app -> outcome == null ? app.ingested(queue) : app.ingested(queue, outcome))
                .sum();
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
