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
 * the segments this instance processes, or among the segments' stored tokens ({@link ProcessorProgress}), whichever
 * is further behind. Computed on scrape from one indexed {@code max(global_index)} query, the processor's in-memory
 * status and the last sample of the stored tokens. NaN while neither knows a segment of the processor. The lag of
 * each segment is {@code position_manager_processor_segment_lag_events{processor, segment}}.
 *
 * <p>Registered once the application has started, because Axon creates its processors while starting.
 */
public class ProcessorLagMetrics implements ApplicationListener<ApplicationStartedEvent> {

    static final String METRIC = "position_manager.processor.lag";

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storageEngine;
    private final MeterRegistry registry;
    private final ProcessorProgress progress;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, EventStorageEngine storageEngine,
                               MeterRegistry registry, ProcessorProgress progress) {
        this.processing = processing;
        this.storageEngine = storageEngine;
        this.registry = registry;
        this.progress = progress;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(METRIC, () -> furthestBehind(lag(streaming), storedLag(name)))
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

    /**
     * The largest lag among the processor's stored tokens (sampled by {@link ProcessorProgress}): a segment that
     * keeps failing is released and left out of the in-memory status, but its stored token stays behind.
     */
    private double storedLag(String processor) {
        return progress.segments(processor).stream().mapToDouble(ProcessorProgress.SegmentProgress::lag)
                .max().orElse(Double.NaN);
    }

    private static double furthestBehind(double inMemory, double stored) {
        if (Double.isNaN(inMemory)) {
            return stored;
        }
        return Double.isNaN(stored) ? inMemory : Math.max(inMemory, stored);
    }

    private long headPosition() {
        TrackingToken head = storageEngine.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }
}
