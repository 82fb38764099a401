package com.ytrader.positionmanager.events;

/** Metadata keys every domain event carries (besides Axon's {@code traceId} and {@code correlationId}). */
public final class EventMetadata {

    /** One of {@link UpdateSource}'s wire names. */
    public static final String SOURCE = "source";
    /** The trace id of the message or request that caused the change. */
    public static final String TRACE_ID = "trace_id";
    /** The id of the incoming message (AMQP message id, execution id or request id). */
    public static final String MESSAGE_ID = "message_id";

    private EventMetadata() {
    }
}
