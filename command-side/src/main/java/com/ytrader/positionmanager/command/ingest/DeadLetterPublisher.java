package com.ytrader.positionmanager.command.ingest;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Republishes rejected messages, body and properties unchanged, to the dead-letter exchange with the reason in
 * headers, and waits for the broker's confirms before the originals are acknowledged. Done by the service rather
 * than by RabbitMQ's {@code x-dead-letter-exchange} so that it works on any AMQP 0-9-1 broker.
 */
final class DeadLetterPublisher {

    static final String REASON = "x-death-reason";
    static final String ORIGINAL_QUEUE = "x-original-queue";
    static final String ORIGINAL_MESSAGE_ID = "x-original-message-id";
    static final String REJECTED_AT = "x-rejected-at";

    private final RabbitTemplate rabbit;
    private final String exchange;
    private final Duration confirmTimeout;

    DeadLetterPublisher(RabbitTemplate rabbit, String exchange, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.exchange = exchange;
        this.confirmTimeout = confirmTimeout;
    }

    record Rejected(Message message, String reason) {
    }

    void publish(String queue, List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        rabbit.invoke(operations -> {
            for (Rejected each : rejected) {
                Message original = each.message();
                Message deadLetter = MessageBuilder.withBody(original.getBody())
                        .copyProperties(original.getMessageProperties())
                        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                        .setHeader(REASON, each.reason())
                        .setHeader(ORIGINAL_QUEUE, queue)
                        .setHeader(REJECTED_AT, now)
                        .build();
                String messageId = original.getMessageProperties().getMessageId();
                if (messageId != null) {
                    deadLetter.getMessageProperties().setHeader(ORIGINAL_MESSAGE_ID, messageId);
                }
                operations.send(exchange, queue, deadLetter);
            }
            operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
            return null;
        });
    }
}
