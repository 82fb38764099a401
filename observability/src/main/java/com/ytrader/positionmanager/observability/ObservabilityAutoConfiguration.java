package com.ytrader.positionmanager.observability;

import com.ytrader.positionmanager.eventstore.StoredTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.time.Clock;
import java.time.Duration;

/** What every application with this module gets: trace ids on requests, processor lag and domain event counts. */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    /** First of all filters, so that even the lines logged while recording the request's metrics carry the id. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public FilterRegistrationBean<TraceIdFilter> traceIdFilter() {
        FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(new TraceIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public ProcessorLagMetrics processorLagMetrics(EventProcessingConfiguration processing,
                                                   EventStorageEngine storageEngine, MeterRegistry registry,
                                                   ProcessorProgress progress) {
        return new ProcessorLagMetrics(processing, storageEngine, registry, progress);
    }

    /** {@code position-manager.processors.stuck-after}: how long a token may stand still with events beyond it. */
    @Bean
    public ProcessorProgress processorProgress(StoredTokens tokens, EventStorageEngine storageEngine,
                                               MeterRegistry registry,
                                               @Value("${position-manager.processors.stuck-after}")
                                               Duration stuckAfter) {
        return new ProcessorProgress(tokens, storageEngine, registry, stuckAfter, Clock.systemUTC());
    }

    @Bean
    public DomainEventCounter domainEventCounter(MeterRegistry registry) {
        return new DomainEventCounter(registry);
    }

    /** Counting runs in the publishing thread, without a token of its own to keep in the store. */
    @Bean
    public ConfigurerModule domainEventCounterProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(DomainEventCounter.PROCESSING_GROUP);
    }
}
