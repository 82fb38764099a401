package com.ytrader.positionmanager.command.fanout;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessageConverter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

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
    private static final String BATCH_RESOURCE = DomainEventPublisher.class.getName() + ".batch";

    private final RabbitTemplate rabbit;
    private final AMQPMessageConverter converter;
    private final String exchange;
    private final Duration confirmTimeout;

    DomainEventPublisher(RabbitTemplate rabbit, AMQPMessageConverter converter, String exchange,
                         Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.converter = converter;
        this.exchange = exchange;
        this.confirmTimeout = confirmTimeout;
    }

    /** Takes the message, not the payload: the stored bytes are published as they are, never deserialized. */
    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<AMQPMessage> batch = unitOfWork.root().getOrComputeResource(BATCH_RESOURCE, key -> {
            List<AMQPMessage> messages = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(committing -> publishAndConfirm(messages));
            return messages;
        });
        batch.add(converter.createAMQPMessage(event));
    }

    private void publishAndConfirm(List<AMQPMessage> messages) {
        rabbit.execute(channel -> {
            for (AMQPMessage message : messages) {
                channel.basicPublish(exchange, message.getRoutingKey(), message.isMandatory(), message.isImmediate(),
                        message.getProperties(), message.getBody());
            }
            try {
                channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the broker confirmed no publish within " + confirmTimeout, e);
            }
            return null;
        });
    }
}
