package com.ytrader.positionmanager.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

import java.util.Map;

/**
 * {@code position_manager_processor_lag_events{processor}}: how many events a streaming processor of this
 * application is behind the head of the event store — the newest global index minus the lowest position among
 * the segments this instance processes. Computed on scrape from one indexed {@code max(global_index)} query and
 * the processor's in-memory status; the token table is not read, because reading a token through Axon's token
 * store claims it. NaN while this instance holds no segment of the processor (another instance does, or it has
 * not started).
 *
 * <p>Registered once the application has started, because Axon creates its processors while starting.
 */
public class ProcessorLagMetrics implements ApplicationListener<ApplicationStartedEvent> {

    static final String METRIC = "position_manager.processor.lag";

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storageEngine;
    private final MeterRegistry registry;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, EventStorageEngine storageEngine,
                               MeterRegistry registry) {
        this.processing = processing;
        this.storageEngine = storageEngine;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(METRIC, () -> lag(streaming))
                        .description("Events in the store that the processor has not handled yet")
                        .baseUnit("events")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        // a segment that has not handled anything yet has no position: it is behind by the whole store
        long slowest = segments.values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0))
                .min()
                .orElseThrow();
        return Math.max(0, headPosition() - slowest);
    }

    private long headPosition() {
        TrackingToken head = storageEngine.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }
}
