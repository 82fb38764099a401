package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.UpdateSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.amqp.core.Message;

import java.util.UUID;

/**
 * Source, trace id and message id of an inbound message, carried by its commands and copied onto every event
 * they cause. A message without a trace id gets a new one so that its events and logs can still be followed.
 */
record CommandMetadata(UpdateSource source, String traceId, String messageId) {

    static CommandMetadata of(UpdateSource source, String traceId, Message message, String fallbackMessageId) {
        String amqpMessageId = message.getMessageProperties().getMessageId();
        return new CommandMetadata(source,
                traceId != null ? traceId : UUID.randomUUID().toString(),
                amqpMessageId != null && !amqpMessageId.isBlank() ? amqpMessageId : fallbackMessageId);
    }

    CommandMessage<?> command(Object payload) {
        MetaData metaData = MetaData.with(EventMetadata.SOURCE, source.wireName())
                .and(EventMetadata.TRACE_ID, traceId);
        if (messageId != null) {
            metaData = metaData.and(EventMetadata.MESSAGE_ID, messageId);
        }
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData);
    }
}
