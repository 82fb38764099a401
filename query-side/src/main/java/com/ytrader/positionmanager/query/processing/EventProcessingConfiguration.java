package com.ytrader.positionmanager.query.processing;

import com.ytrader.positionmanager.query.integration.IntegrationEventPublisher;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.amqp.AmqpException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;

/**
 * How the query side follows the event store: pooled streaming processors over {@link PolledEventSource}, events
 * of one position in order, transient failures retried, and an event that fails for any other reason parked in
 * the processor's dead-letter queue ({@code dead_letter_entry}) so that it cannot stop its segment.
 */
@Configuration(proxyBeanMethods = false)
class EventProcessingConfiguration {

    /** Axon's {@code cause_message} column holds 1,023 characters. */
    private static final int CAUSE_MESSAGE_LENGTH = 1_000;

    /** Failures that go away by themselves: the database or the broker unreachable, a deadlock, a timeout. */
    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            TransientDataAccessException.class, RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            SQLTransientException.class, SQLRecoverableException.class, AmqpException.class);

    /** The source of both processing groups ({@code axon.eventhandling.processors.*.source}). */
    @Bean
    PolledEventSource polledEventSource(EventStorageEngine storageEngine,
                                        @Value("${position-manager.event-fetch-delay}") Duration fetchDelay,
                                        DatabaseNotifications notifications) {
        return new PolledEventSource(storageEngine, fetchDelay, notifications);
    }

    /** Events of one position are handled in order, by one thread at a time; positions run in parallel. */
    @Bean
    SequentialPerAggregatePolicy perPositionSequencing() {
        return SequentialPerAggregatePolicy.instance();
    }

    /**
     * A handler that fails propagates its failure (instead of Axon's default of logging and skipping the event: a
     * skipped event would leave a read model wrong for good and an integration event unpublished) to the
     * dead-letter policy: a transient failure is rethrown, so that the processor retries the batch with back-off;
     * any other is parked with its cause, and the later events of the same position queue up behind it, in order,
     * until it is retried or evicted ({@code /api/v1/admin/dead-letters}). Projections and publishing run in
     * separate groups, so a broker outage holds back only the publishing.
     */
    @Bean
    ConfigurerModule deadLetteringEventHandling() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultDeadLetterPolicy(configuration -> parkUnlessTransient())
                // a replay rebuilds the read models from the first event: what was parked is handled again anyway
                .registerDeadLetteringEventHandlerInvokerConfiguration(ReadModels.PROCESSING_GROUP,
                        (configuration, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true))
                .registerDeadLetteringEventHandlerInvokerConfiguration(IntegrationEventPublisher.PROCESSING_GROUP,
                        (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
    }

    static EnqueuePolicy<EventMessage<?>> parkUnlessTransient() {
        return (letter, cause) -> {
            if (isTransient(cause)) {
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            // a first failure enqueues the event; a failed retry keeps it queued, with the new cause
            return Decisions.enqueue(ThrowableCause.truncated(cause, CAUSE_MESSAGE_LENGTH));
        };
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : TRANSIENT) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
