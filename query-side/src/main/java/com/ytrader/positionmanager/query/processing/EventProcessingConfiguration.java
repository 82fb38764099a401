package com.ytrader.positionmanager.query.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How the query side follows the event store: pooled streaming processors over {@link PolledEventSource}, events
 * of one position in order, failures retried.
 */
@Configuration(proxyBeanMethods = false)
class EventProcessingConfiguration {

    /** The source of both processing groups ({@code axon.eventhandling.processors.*.source}). */
    @Bean
    PolledEventSource polledEventSource(EventStorageEngine storageEngine,
                                        @Value("${position-manager.event-fetch-delay}") Duration fetchDelay) {
        return new PolledEventSource(storageEngine, fetchDelay);
    }

    /** Events of one position are handled in order, by one thread at a time; positions run in parallel. */
    @Bean
    SequentialPerAggregatePolicy perPositionSequencing() {
        return SequentialPerAggregatePolicy.instance();
    }

    /**
     * A handler that fails (database or broker down) makes its processor retry the batch with back-off instead of
     * Axon's default of logging and skipping the event: a skipped event would leave a read model wrong for good
     * and an integration event unpublished. Projections and publishing run in separate groups, so a broker
     * outage holds back only the publishing.
     */
    @Bean
    ConfigurerModule retryFailedEventHandling() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
