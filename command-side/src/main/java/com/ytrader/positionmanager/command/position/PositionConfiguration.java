package com.ytrader.positionmanager.command.position;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import com.ytrader.positionmanager.events.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.JCacheMetrics;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
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

    /** Which position a command is for, read as Axon reads it, without its reflection on every command. */
    @Bean
    CommandTargetResolver positionCommandTargetResolver() {
        return new PositionCommandTargetResolver();
    }

    /**
     * Positions stay in memory between commands, the most recently used {@code position-manager.position-cache-size}
     * of them. Strongly held: a weakly held cache is emptied by every young collection and each command then
     * reloads its position from the store (measured: 15% of the ingest's CPU). Correct with several instances
     * too: an append on a stale cached position violates the (aggregate, sequence) key, the unit of work rolls
     * back and evicts it.
     */
    @Bean
    Cache positionCache(CacheManager positionCacheManager, MeterRegistry metrics,
                        @Value("${position-manager.position-cache-size}") long size) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(size));
        configuration.setStoreByValue(false);
        configuration.setStatisticsEnabled(true);
        javax.cache.Cache<Object, Object> positions = positionCacheManager.createCache("positions", configuration);
        // cache_gets_total{cache="positions", result="hit"|"miss"}: a miss reloads a position from the store
        JCacheMetrics.monitor(metrics, positions);
        return new JCacheAdapter(positions);
    }

    /** One cache manager per application context, closed with it (tests start several contexts per JVM). */
    @Bean(destroyMethod = "close")
    CacheManager positionCacheManager() {
        CachingProvider caffeine = Caching.getCachingProvider(CaffeineCachingProvider.class.getName());
        return caffeine.getCacheManager(URI.create("position-manager:" + UUID.randomUUID()),
                getClass().getClassLoader());
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
