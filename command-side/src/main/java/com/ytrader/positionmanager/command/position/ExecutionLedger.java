package com.ytrader.positionmanager.command.position;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Executions are recorded once, for ever: every event appended passes {@link FillEventIdentifiers}. */
@Component
class ExecutionLedger {

    ExecutionLedger(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(new FillEventIdentifiers());
    }
}
