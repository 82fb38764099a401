package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.testsupport.FanoutHeldApplication;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every committed domain event reaches {@code position-manager.events}: at least once, in order per position. */
class DomainEventFanoutTest {

    @Test
    void every_committed_event_is_published_at_least_once_in_order_per_position_and_once_after_deduplication() {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("fanout");
        FillStream stream = FillStream.generate(5, 300, 0.10, 11L);
        try (IngestApp app = IngestApp.start(queues);
             EventsQueue consumer = new EventsQueue(app.context.getBean(ConnectionFactory.class), positionIds(stream))) {
            app.publish(queues.orderExecuted(), stream.messages());
            awaitAllFillsApplied(app, stream);
            assertAllCommittedEventsArrive(app, stream, consumer);
        }
    }

    @Test
    void events_committed_by_a_process_killed_before_it_published_them_are_published_after_a_restart()
            throws Exception {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("fanoutkill");
        FillStream stream = FillStream.generate(4, 200, 0.0, 12L);
        try (IngestApp reader = IngestApp.start(queues, "--position-manager.ingest.enabled=false",
                "--position-manager.fanout.enabled=false");
             EventsQueue consumer = new EventsQueue(reader.context.getBean(ConnectionFactory.class),
                     positionIds(stream))) {
            try (ChildApplication held = ChildApplication.start(FanoutHeldApplication.class.getName(),
                    reader.context.getEnvironment(), queues.arguments())) {
                awaitConsumer(reader, queues.orderExecuted(), held);
                reader.publish(queues.orderExecuted(), stream.messages());
                awaitAllFillsApplied(reader, stream);
                consumer.poll();
                assertThat(consumer.received).as("published before the kill").isEmpty();
                held.kill();
            }
            try (ChildApplication restarted = ChildApplication.start(CommandSideApplication.class.getName(),
                    reader.context.getEnvironment(), queues.arguments())) {
                assertAllCommittedEventsArrive(reader, stream, consumer);
                assertThat(restarted.alive()).isTrue();
            }
        }
    }

    /** Until then the store holds only some of the events, and "all committed events arrived" is premature. */
    private static void awaitAllFillsApplied(IngestApp app, FillStream stream) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> stream.expected().forEach(
                (asset, reference) -> assertThat(app.figures(FillStream.positionId(asset)))
                        .isNotNull().extracting("fillCount").isEqualTo((long) reference.fills())));
    }

    private static void assertAllCommittedEventsArrive(IngestApp app, FillStream stream, EventsQueue consumer) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            consumer.poll();
            assertThat(consumer.deduplicated.keySet()).containsAll(committedEventIds(app, stream));
        });
        List<DomainEventMessage<?>> committed = committed(app, stream);
        assertThat(consumer.deduplicated).hasSize(committed.size());
        Map<String, Long> lastSequence = new HashMap<>();
        for (Message message : consumer.received) {
            String aggregate = EventsQueue.header(message, "axon-message-aggregate-id");
            long sequence = Long.parseLong(EventsQueue.header(message, "axon-message-aggregate-seq"));
            Long previous = lastSequence.put(aggregate, sequence);
            // a redelivered batch may repeat events, never skip or reorder them
            assertThat(previous == null || sequence == previous + 1 || sequence <= previous)
                    .as("%s: %d after %s", aggregate, sequence, previous).isTrue();
        }
        Map<String, DomainEventMessage<?>> byId = committed.stream()
                .collect(Collectors.toMap(DomainEventMessage::getIdentifier, event -> event));
        consumer.deduplicated.forEach((id, message) -> {
            DomainEventMessage<?> event = byId.get(id);
            assertThat(message.getMessageProperties().getReceivedRoutingKey())
                    .isEqualTo(event.getPayloadType().getSimpleName());
            assertThat(EventsQueue.header(message, "axon-message-aggregate-seq"))
                    .isEqualTo(String.valueOf(event.getSequenceNumber()));
        });
    }

    private static void awaitConsumer(IngestApp reader, String queue, ChildApplication child) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(child.alive()).as(child.logTail()).isTrue();
            assertThat(reader.consumerCount(queue)).isPositive();
        });
    }

    private static List<DomainEventMessage<?>> committed(IngestApp app, FillStream stream) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        stream.expected().keySet().forEach(asset -> events.addAll(app.events(FillStream.positionId(asset))));
        return events;
    }

    private static Set<String> committedEventIds(IngestApp app, FillStream stream) {
        return committed(app, stream).stream().map(DomainEventMessage::getIdentifier).collect(Collectors.toSet());
    }

    private static Set<String> positionIds(FillStream stream) {
        return stream.expected().keySet().stream().map(FillStream::positionId).collect(Collectors.toSet());
    }
}
