package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.UpdateSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;

import java.util.UUID;

/**
 * Where a command came from: its source, trace id and message id, carried by the command and copied onto every
 * event it causes. Every way in (the ingest, the REST API, the scheduler, the reconciliation) says it this one way.
 *
 * @param messageId what the command stands for (an inbound message, a request, a task run); null when unknown
 */
public record CommandMetadata(UpdateSource source, String traceId, String messageId) {

    /** Without a trace id a new one is made, so that the events and logs can still be followed. */
    public static CommandMetadata of(UpdateSource source, String traceId, String messageId) {
        return new CommandMetadata(source, traceId != null ? traceId : UUID.randomUUID().toString(), messageId);
    }

    /** The same trace, from another source and for another message. */
    public CommandMetadata as(UpdateSource otherSource, String otherMessageId) {
        return new CommandMetadata(otherSource, traceId, otherMessageId);
    }

    public MetaData metaData() {
        MetaData metaData = MetaData.with(EventMetadata.SOURCE, source.wireName())
                .and(EventMetadata.TRACE_ID, traceId);
        return messageId == null ? metaData : metaData.and(EventMetadata.MESSAGE_ID, messageId);
    }

    public CommandMessage<?> command(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData());
    }
}
