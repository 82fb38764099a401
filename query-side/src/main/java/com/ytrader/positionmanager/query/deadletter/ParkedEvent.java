package com.ytrader.positionmanager.query.deadletter;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;

import java.time.Instant;

/** One parked event as {@code GET /api/v1/admin/dead-letters} shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ParkedEvent(String processingGroup, String sequenceId, String eventIdentifier, String payloadType,
                   Instant timestamp, Instant enqueuedAt, Instant lastTouched, String causeType,
                   String causeMessage) {

    static ParkedEvent of(String group, String sequenceId, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        return new ParkedEvent(group, sequenceId, event.getIdentifier(), event.getPayloadType().getName(),
                event.getTimestamp(), letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null));
    }
}
