package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.EventMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationPolicy.class)
class PositionConfiguration {

    /** Loading a position reads its latest snapshot plus at most this many events. */
    @Bean
    SnapshotTriggerDefinition positionSnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${position-manager.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Positions stay in memory between commands. Correct with several instances too: an append on a stale
     * cached position violates the (aggregate, sequence) key, the unit of work rolls back and evicts it.
     */
    @Bean
    Cache positionCache() {
        return new WeakReferenceCache();
    }

    /**
     * Retries a command that lost a race on its position: another instance appended first (the stale cached
     * position was evicted on rollback, so the retry reloads it). Invalid commands are not retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retryExecutor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retryExecutor)
                        .retryInterval(20)
                        .maxRetryCount(5)
                        .build())
                .build();
    }

    /** Links each event to the command that caused it ({@code correlationId}, {@code traceId}). */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Copies source, trace id and incoming message id from each command onto the events it causes. */
    @Bean
    CorrelationDataProvider positionMetadataProvider() {
        return new SimpleCorrelationDataProvider(EventMetadata.SOURCE, EventMetadata.TRACE_ID, EventMetadata.MESSAGE_ID);
    }
}
