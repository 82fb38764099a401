package com.ytrader.positionmanager.command.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router alone (the partitions' consumers stopped): where each inbound message goes and what it looks like there.
 */
class PartitionRoutingTest {

    private static final int PARTITIONS = 4;

    @Test
    void the_messages_of_one_asset_on_all_three_queues_reach_the_same_partition_unchanged() {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("routing");
        String asset = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase() + "USDT";
        int expected = new AssetPartitions(PARTITIONS).of(asset);
        try (IngestApp app = IngestApp.start(queues, "--position-manager.ingest.partitions=" + PARTITIONS)) {
            stopPartitionConsumers(app);
            Message fill = labelled("fill-1", """
                    {"order_id":"o1","asset":"%s","side":"Buy","filled_quantity":"1","execution_price":"10"}"""
                    .formatted(asset));
            Message orderEvent = labelled("event-1", """
                    {"order_id":"o1","asset":"%s","side":"Buy","filled_quantity":"1","execution_price":"10",\
                    "status":"filled"}""".formatted(asset));
            Message report = labelled("report-1", """
                    {"payload":{"data":[{"symbol":"%s","size":"1","side":"Buy","updatedTime":"1700000000000"}]}}"""
                    .formatted(asset));
            app.publish(queues.orderExecuted(), List.of(fill));
            app.publish(queues.orderEvents(), List.of(orderEvent));
            app.publish(queues.wsPosition(), List.of(report));

            assertArrivesUnchanged(app, queues.orderExecuted(), expected, fill);
            assertArrivesUnchanged(app, queues.orderEvents(), expected, orderEvent);
            assertArrivesUnchanged(app, queues.wsPosition(), expected, report);
            for (String queue : queues.all()) {
                assertThat(app.messageCount(queue)).as("left in %s", queue).isZero();
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    String partitionQueue = IngestProperties.partitionQueue(queue, partition);
                    assertThat(app.messageCount(partitionQueue)).as("left in %s", partitionQueue).isZero();
                }
            }
        }
    }

    @Test
    void a_message_naming_no_asset_is_dead_lettered_by_the_router_with_the_reason() {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("routing-dlq");
        try (IngestApp app = IngestApp.start(queues, "--position-manager.ingest.partitions=" + PARTITIONS)) {
            stopPartitionConsumers(app);
            app.publish(queues.orderExecuted(), List.of(IngestApp.json("no-asset", """
                    {"order_id":"o1","side":"Buy","filled_quantity":"1","execution_price":"10"}""")));

            Message deadLetter = app.rabbit.receive(IngestProperties.deadLetterQueue(queues.orderExecuted()), 20_000);
            assertThat(deadLetter).isNotNull();
            assertThat(deadLetter.getMessageProperties().getHeaders())
                    .containsEntry(DeadLetterPublisher.ORIGINAL_QUEUE, queues.orderExecuted())
                    .containsEntry(DeadLetterPublisher.ORIGINAL_MESSAGE_ID, "no-asset");
            assertThat(String.valueOf(deadLetter.getMessageProperties().getHeaders().get(DeadLetterPublisher.REASON)))
                    .contains("asset");
            for (int partition = 0; partition < PARTITIONS; partition++) {
                assertThat(app.messageCount(IngestProperties.partitionQueue(queues.orderExecuted(), partition)))
                        .isZero();
            }
        }
    }

    private static void stopPartitionConsumers(IngestApp app) {
        app.context.getBean(PartitionedIngest.class).containers().stream()
                .filter(container -> Arrays.stream(container.getQueueNames()).anyMatch(name -> name.matches(".*\\.p\\d+")))
                .forEach(SimpleMessageListenerContainer::stop);
    }

    private static Message labelled(String messageId, String body) {
        return MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setContentEncoding("UTF-8")
                .setMessageId(messageId)
                .setCorrelationId("correlation-" + messageId)
                .setType("execution")
                .setAppId("order-manager")
                .setPriority(3)
                .setTimestamp(new Date(1_700_000_000_000L))
                .setHeader("x-upstream", "kept")
                .setHeader("trace", 42)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
    }

    private static void assertArrivesUnchanged(IngestApp app, String queue, int partition, Message sent) {
        Message routed = app.rabbit.receive(IngestProperties.partitionQueue(queue, partition), 20_000);
        assertThat(routed).as("in partition %d of %s", partition, queue).isNotNull();
        assertThat(routed.getBody()).isEqualTo(sent.getBody());
        MessageProperties original = sent.getMessageProperties();
        MessageProperties properties = routed.getMessageProperties();
        assertThat(properties.getMessageId()).isEqualTo(original.getMessageId());
        assertThat(properties.getContentType()).isEqualTo(original.getContentType());
        assertThat(properties.getContentEncoding()).isEqualTo(original.getContentEncoding());
        assertThat(properties.getCorrelationId()).isEqualTo(original.getCorrelationId());
        assertThat(properties.getType()).isEqualTo(original.getType());
        assertThat(properties.getAppId()).isEqualTo(original.getAppId());
        assertThat(properties.getPriority()).isEqualTo(original.getPriority());
        assertThat(properties.getTimestamp()).isEqualTo(original.getTimestamp());
        assertThat(properties.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(properties.getHeaders()).containsEntry("x-upstream", "kept").containsEntry("trace", 42);
    }
}
