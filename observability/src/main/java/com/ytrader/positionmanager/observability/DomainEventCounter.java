package com.ytrader.positionmanager.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * {@code position_manager_domain_events_total{type}}: domain events committed by this instance, by payload type
 * (e.g. {@code PositionSizeDiscrepancyDetected}, {@code PositionValidated}, {@code PositionCorrected},
 * {@code FillApplied}). It runs in a subscribing processor, so it sees what this JVM publishes — on the command
 * side, every event the aggregate applies; counters of all instances add up to the whole.
 *
 * <p>A subscribing processor handles events before the transaction commits; counting only after the commit keeps
 * a rolled-back (and retried) command from being counted twice.
 */
@ProcessingGroup(DomainEventCounter.PROCESSING_GROUP)
public class DomainEventCounter {

    static final String PROCESSING_GROUP = "position-manager-observability";
    static final String METRIC = "position_manager.domain.events";

    private final MeterRegistry registry;

    public DomainEventCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    public void count(EventMessage<?> event) {
        Counter counter = Counter.builder(METRIC)
                .description("Domain events committed by this instance, by type")
                .tag("type", event.getPayloadType().getSimpleName())
                .register(registry);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> counter.increment());
        } else {
            counter.increment();
        }
    }
}
