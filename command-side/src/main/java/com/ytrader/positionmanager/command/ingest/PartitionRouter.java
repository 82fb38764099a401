package com.ytrader.positionmanager.command.ingest;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.ytrader.positionmanager.messaging.ConfirmedPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the messages of one inbound queue, in their order, to the partition queue of their asset
 * ({@code <queue>.p<n>}), unchanged: body, properties, headers, message id. Only one instance routes a queue at a
 * time (it holds the queue's exclusive consumer), so the order of an asset's messages in its partition is their
 * order in the inbound queue.
 *
 * <p>A batch is acknowledged only after the broker confirmed every republished message and every dead letter, so a
 * crash at any point republishes, never loses: a partition may then hold a message twice, in order, and the second
 * is a duplicate to its consumer (fill ids, order progress, report sequence). A message whose asset cannot be read
 * is dead-lettered from here with the reason, as its consumer would have done. Any failure to publish holds the
 * queue and retries with back-off.
 */
final class PartitionRouter implements ChannelAwareBatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionRouter.class);

    private static final MessagePropertiesConverter PROPERTIES = new DefaultMessagePropertiesConverter();

    private final String queue;
    private final RoutingAsset routingAsset;
    private final AssetPartitions partitions;
    private final ConfirmedPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final IngestMetrics metrics;
    private final Backoff backoff;

    PartitionRouter(String queue, RoutingAsset routingAsset, AssetPartitions partitions, ConfirmedPublisher publisher,
                    DeadLetterPublisher deadLetters, IngestMetrics metrics, Backoff backoff) {
        this.queue = queue;
        this.routingAsset = routingAsset;
        this.partitions = partitions;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.backoff = backoff;
    }

    private record Routed(String partitionQueue, AMQP.BasicProperties properties, byte[] body) {
    }

    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        List<Routed> routed = new ArrayList<>();
        List<DeadLetterPublisher.Rejected> rejected = new ArrayList<>();
        for (Message message : messages) {
            try {
                int partition = partitions.of(routingAsset.of(message));
                routed.add(new Routed(IngestProperties.partitionQueue(queue, partition), republished(message),
                        message.getBody()));
            } catch (BadMessageException e) {
                rejected.add(rejection(message, e.getMessage()));
            } catch (RuntimeException e) {
                // reading a message does no I/O: whatever fails here fails again on every redelivery
                rejected.add(rejection(message, "unreadable: " + e));
            }
        }
        publish(routed);
        deadLetters.publishUntilConfirmed(queue, rejected, backoff);
        acknowledge(channel, messages.get(messages.size() - 1));
        rejected.forEach(ignored -> metrics.count(queue, IngestOutcome.DEAD_LETTERED));
    }

    @Override
    public void onMessage(Message message, Channel channel) {
        onMessageBatch(List.of(message), channel);
    }

    private DeadLetterPublisher.Rejected rejection(Message message, String why) {
        String reason = Abbreviation.reason(why);
        log.warn("Dead-lettering message {} from {}: {}", message.getMessageProperties().getMessageId(), queue, reason);
        return new DeadLetterPublisher.Rejected(message, reason);
    }

    /**
     * The original's AMQP properties as they were sent. Two exceptions: its {@code user_id} travels as the header
     * {@code x-original-user-id} (RabbitMQ refuses a {@code user_id} other than the publishing connection's user),
     * and a message sent without delivery mode stays transient.
     */
    private static AMQP.BasicProperties republished(Message message) {
        MessageProperties properties = message.getMessageProperties();
        MessageDeliveryMode deliveryMode = properties.getReceivedDeliveryMode();
        properties.setDeliveryMode(deliveryMode != null ? deliveryMode : MessageDeliveryMode.NON_PERSISTENT);
        if (properties.getReceivedUserId() != null) {
            properties.setHeader(DeadLetterPublisher.ORIGINAL_USER_ID, properties.getReceivedUserId());
        }
        return PROPERTIES.fromMessageProperties(properties, StandardCharsets.UTF_8.name());
    }

    private void publish(List<Routed> routed) {
        if (routed.isEmpty()) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                publisher.publish((operations, channel) -> {
                    for (Routed each : routed) {
                        channel.basicPublish("", each.partitionQueue(), false, each.properties(), each.body());
                    }
                });
                return;
            } catch (RuntimeException e) {
                log.warn("Cannot route {} messages from {} to their partitions (attempt {}), retrying: {}",
                        routed.size(), queue, attempt + 1, e.toString());
                backoff.pause(attempt);
            }
        }
    }

    private static void acknowledge(Channel channel, Message last) {
        try {
            channel.basicAck(last.getMessageProperties().getDeliveryTag(), true);
        } catch (IOException e) {
            // the channel is gone: the broker redelivers the batch, and the partitions' consumers see duplicates
            throw new UncheckedIOException(e);
        }
    }
}
