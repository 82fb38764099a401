package com.ytrader.positionmanager.query.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first handler of every event the read models see: an event with a value no read-model column can hold is
 * refused before any projection buffers a row of it, so that it is parked in the dead-letter queue on its own
 * instead of failing its whole batch at commit, again and again.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnstorableEventGuard {

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        String violation = StorableValues.ofPayload(event.getPayloadType().getSimpleName(), payload);
        if (violation == null) {
            violation = StorableValues.violation("metadata", event.getMetaData());
        }
        if (violation != null) {
            throw new UnstorableEventException(violation);
        }
    }

    /** An event the read models cannot store; deterministic, so it is parked rather than retried. */
    static final class UnstorableEventException extends RuntimeException {
        UnstorableEventException(String violation) {
            super(violation);
        }
    }
}
