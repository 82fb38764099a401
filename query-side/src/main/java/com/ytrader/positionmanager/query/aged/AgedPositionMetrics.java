package com.ytrader.positionmanager.query.aged;

import com.ytrader.positionmanager.events.AgedPhase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * {@code position_manager_aged_positions{status}}: aged entries by status, from {@code aged_positions}. One scrape
 * reads every status's gauge; they share one {@code GROUP BY} over the status index, read at most once a second.
 */
@Component
class AgedPositionMetrics implements MeterBinder {

    static final String METRIC = "position_manager.aged_positions";
    private static final long MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();

    private final AgedPositionRepository repository;
    private Map<AgedPhase, Long> counts;
    private long countedAt;

    AgedPositionMetrics(AgedPositionRepository repository) {
        this.repository = repository;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (AgedPhase status : AgedPhase.values()) {
            Gauge.builder(METRIC, () -> counts().get(status))
                    .description("Aged entries (one per leg and lifecycle that outlived the maximum age) by status")
                    .tag("status", status.wireName())
                    .register(registry);
        }
    }

    private synchronized Map<AgedPhase, Long> counts() {
        long now = System.nanoTime();
        if (counts == null || now - countedAt > MAX_AGE_NANOS) {
            counts = repository.countByStatus();
            countedAt = now;
        }
        return counts;
    }
}
