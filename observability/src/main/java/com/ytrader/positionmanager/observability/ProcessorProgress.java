package com.ytrader.positionmanager.observability;

import com.ytrader.positionmanager.eventstore.StoredTokens;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where every segment of every streaming processor stands, read from the stored tokens ({@link StoredTokens}),
 * whoever owns the segment and also while it is failing (a failing segment drops out of its processor's in-memory
 * status, so that status cannot show it).
 *
 * <p>{@code position_manager_processor_segment_lag_events{processor, segment}}: events in the store beyond the
 * segment's token. A segment is <em>stuck</em> when its token has not moved for {@code stuckAfter} while events
 * exist beyond it; {@link #stuckSegments()} lists them for the health check. Sampled in the background, every
 * tenth of {@code stuckAfter} (100 ms to 5 s).
 */
public class ProcessorProgress implements SmartLifecycle {

    static final String SEGMENT_LAG_METRIC = "position_manager.processor.segment.lag";

    private static final Logger log = LoggerFactory.getLogger(ProcessorProgress.class);

    /** One segment's token as last sampled, and since when it has stood there with events beyond it. */
    public record SegmentProgress(String processor, int segment, long position, long head, Instant since) {

        public long lag() {
            return Math.max(0, head - position);
        }

        boolean stuck(Instant now, Duration stuckAfter) {
            return lag() > 0 && !since.plus(stuckAfter).isAfter(now);
        }

        /** {@code read-models[2]}. */
        public String name() {
            return processor + "[" + segment + "]";
        }
    }

    private record Key(String processor, int segment) {
    }

    private final StoredTokens tokens;
    private final EventStorageEngine storageEngine;
    private final MeterRegistry registry;
    private final Duration stuckAfter;
    private final Clock clock;
    private final Map<Key, SegmentProgress> segments = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService sampler;

    public ProcessorProgress(StoredTokens tokens, EventStorageEngine storageEngine, MeterRegistry registry,
                             Duration stuckAfter, Clock clock) {
        this.tokens = tokens;
        this.storageEngine = storageEngine;
        this.registry = registry;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    /** Samples every tenth of the stuck-after time, at least every 5 s and at most every 100 ms. */
    @Override
    public void start() {
        long interval = Math.max(100, Math.min(5_000, stuckAfter.toMillis() / 10));
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-progress");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sampleQuietly, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = sampler;
        sampler = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return sampler != null;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // the database is down: the health check says so; the last sample stands until it is back
            log.debug("Cannot sample the processors' tokens: {}", e.toString());
        }
    }

    /** Reads every stored token once, and notes which segments moved since the last sample. */
    public void sample() {
        long head = headPosition();
        Instant now = clock.instant();
        List<Key> seen = new ArrayList<>();
        for (StoredTokens.StoredToken token : tokens.all()) {
            Key key = new Key(token.processor(), token.segment());
            seen.add(key);
            long position = token.position().orElse(-1);
            segments.compute(key, (ignored, earlier) -> {
                if (earlier == null) {
                    register(key);
                }
                // standing still counts from the later of its last move and the first event beyond it
                boolean standing = earlier != null && earlier.position() == position && earlier.lag() > 0;
                Instant since = standing ? earlier.since() : now;
                return new SegmentProgress(key.processor(), key.segment(), position, head, since);
            });
        }
        segments.keySet().retainAll(seen);
    }

    /** The segments of one processor as last sampled. */
    public List<SegmentProgress> segments(String processor) {
        return segments.values().stream().filter(segment -> segment.processor().equals(processor)).toList();
    }

    /** Segments whose token has not moved for the stuck-after time while events exist beyond it. */
    public List<SegmentProgress> stuckSegments() {
        Instant now = clock.instant();
        Collection<SegmentProgress> all = segments.values();
        return all.stream().filter(segment -> segment.stuck(now, stuckAfter)).toList();
    }

    public Duration stuckAfter() {
        return stuckAfter;
    }

    private void register(Key key) {
        Gauge.builder(SEGMENT_LAG_METRIC, () -> {
                    SegmentProgress progress = segments.get(key);
                    return progress == null ? Double.NaN : progress.lag();
                })
                .description("Events in the store beyond the segment's stored token")
                .baseUnit("events")
                .tag("processor", key.processor())
                .tag("segment", Integer.toString(key.segment()))
                .register(registry);
    }

    private long headPosition() {
        TrackingToken head = storageEngine.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
