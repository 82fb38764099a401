package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.RecordsExecution;
import com.ytrader.positionmanager.eventstore.EventIdentifierConflicts;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The durable memory of executions: the event that records an execution gets an identifier derived from its
 * position and fill id, so the event store's unique key on event identifiers refuses a second recording of the
 * same execution however long after the first (the position itself remembers only its recent fill ids).
 */
public final class FillEventIdentifiers implements MessageDispatchInterceptor<EventMessage<?>> {

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (!(message.getPayload() instanceof RecordsExecution execution)
                    || !(message instanceof DomainEventMessage<?> event)) {
                return message;
            }
            return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getPayload(), event.getMetaData(),
                    identifier(event.getAggregateIdentifier(), execution.fillId()), event.getTimestamp());
        };
    }

    static String identifier(String positionId, String fillId) {
        return UUID.nameUUIDFromBytes(("execution\u0000" + positionId + "\u0000" + fillId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether a failed append was refused because one of its executions is recorded already. */
    public static boolean isRecordedExecution(Throwable failure) {
        return EventIdentifierConflicts.isConflict(failure);
    }
}
