package com.ytrader.positionmanager.command.ingest;

import org.axonframework.commandhandling.CommandMessage;
import org.springframework.amqp.core.Message;

import java.time.Instant;
import java.util.List;

/** Turns one inbound message into the commands it stands for (none for events that change no position). */
interface MessageTranslator {

    /** @throws BadMessageException when the message can never be applied */
    List<CommandMessage<?>> translate(Message message);

    /** When the message was sent, for executions that do not say when they happened. */
    static Instant receivedAt(Message message) {
        var timestamp = message.getMessageProperties().getTimestamp();
        return timestamp != null ? timestamp.toInstant() : Instant.now();
    }

    /** The message's AMQP message id, else what its body names it ({@code fallback}, may be null). */
    static String messageId(Message message, String fallback) {
        String amqpMessageId = message.getMessageProperties().getMessageId();
        return amqpMessageId != null && !amqpMessageId.isBlank() ? amqpMessageId : fallback;
    }
}
