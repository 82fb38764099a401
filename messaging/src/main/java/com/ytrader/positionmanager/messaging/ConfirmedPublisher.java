package com.ytrader.positionmanager.messaging;

import com.rabbitmq.client.Channel;
import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.rabbit.connection.RabbitUtils;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;

/**
 * Publishes a group of messages on one channel and waits for the broker's confirms of all of them, for publishers
 * that must not lose a message: the group counts as published only when this returns. A missing confirm, or a publish
 * that fails half-way, throws (also when the broker closed the channel before the wait began), and the channel is
 * closed instead of going back to the cache, where it would wait for a confirm it will never get. The connection factory must have simple publisher confirms
 * ({@code spring.rabbitmq.publisher-confirm-type=simple}).
 */
public final class ConfirmedPublisher {

    /** The publishes of one group, through the template's operations or straight on its channel. */
    @FunctionalInterface
    public interface Publishes {
        void on(RabbitOperations operations, Channel channel) throws Exception;
    }

    private final RabbitTemplate rabbit;
    private final Duration confirmTimeout;

    public ConfirmedPublisher(RabbitTemplate rabbit, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.confirmTimeout = confirmTimeout;
    }

    /** @throws org.springframework.amqp.AmqpException when the broker refused or did not confirm every publish */
    public void publish(Publishes publishes) {
        rabbit.invoke(operations -> operations.execute(channel -> {
            // the cached channel's proxy replaces a channel the broker closed (a refused publish) by a new one, whose
            // wait for confirms returns at once: the wait is on the channel the publishes went to
            Channel target = channel instanceof ChannelProxy proxy ? proxy.getTargetChannel() : channel;
            try {
                publishes.on(operations, channel);
                target.waitForConfirmsOrDie(confirmTimeout.toMillis());
                return null;
            } catch (Exception refused) {
                RabbitUtils.setPhysicalCloseRequired(channel, true);
                throw refused;
            }
        }));
    }
}
