package com.ytrader.positionmanager.command.fanout;

import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.messaging.ConfirmedPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessageConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * The outbox of the domain events: a tracking processor reads the event store in order and this handler
 * publishes each event to the topic exchange, converted by the Axon AMQP extension (so consumers get its
 * {@code axon-message-id}, {@code axon-message-aggregate-id}, ... headers). The events of one processor batch
 * are published together, and the batch waits for the broker's publisher confirms before the processor's token
 * is stored in the same transaction; a missing confirm fails the batch, and the processor retries it from its
 * token. A crash at any point therefore republishes, never skips: at least once, in store order.
 */
@ProcessingGroup(DomainEventPublisher.PROCESSING_GROUP)
final class DomainEventPublisher {

    static final String PROCESSING_GROUP = "amqp-fanout";

    private final AMQPMessageConverter converter;
    private final BatchBuffer<List<AMQPMessage>> batches;

    DomainEventPublisher(ConfirmedPublisher publisher, AMQPMessageConverter converter, String exchange) {
        this.converter = converter;
        this.batches = new BatchBuffer<>(DomainEventPublisher.class.getName(), ArrayList::new,
                messages -> publisher.publish((operations, channel) -> {
                    for (AMQPMessage message : messages) {
                        channel.basicPublish(exchange, message.getRoutingKey(), message.isMandatory(),
                                message.isImmediate(), message.getProperties(), message.getBody());
                    }
                }));
    }

    /** Takes the message, not the payload: the stored bytes are published as they are, never deserialized. */
    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> event) {
        batches.current().add(converter.createAMQPMessage(event));
    }
}
