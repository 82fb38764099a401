package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.events.CarriesPositionFigures;
import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.query.position.TotalExposure;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The portfolio metrics in memory: computed by one query, served as they are until a batch of the read-model
 * processor that changes {@code positions} commits, or the TTL ends, whichever comes first. A computation that
 * overlaps an invalidation is served to its caller but not kept, so the cache never holds figures older than a
 * commit. It watches the events that carry a position's figures itself, in the processor that writes
 * {@code positions}, so that the position read model does not need to know of the portfolio.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class PortfolioMetricsCache implements TotalExposure {

    private record Entry(PortfolioMetrics metrics, long generation, Instant expiresAt) {
    }

    private final PortfolioQueries queries;
    private final Duration ttl;
    private final AtomicLong generation = new AtomicLong();
    /** One invalidation per batch, however many of its events change positions. */
    private final BatchBuffer<Boolean> changedInBatch =
            new BatchBuffer<>(PortfolioMetricsCache.class.getName(), () -> Boolean.TRUE,
                    ignored -> invalidateAfterCommit());
    private volatile Entry entry;

    PortfolioMetricsCache(PortfolioQueries queries, @Value("${position-manager.metrics-cache-ttl}") Duration ttl) {
        this.queries = queries;
        this.ttl = ttl;
    }

    @EventHandler
    void on(CarriesPositionFigures positionChanged) {
        changedInBatch.current();
    }

    @ResetHandler
    void reset() {
        invalidateAfterCommit();
    }

    @Override
    public BigDecimal totalExposure() {
        return current().totalExposure();
    }

    public PortfolioMetrics current() {
        Entry cached = entry;
        if (fresh(cached)) {
            return cached.metrics();
        }
        synchronized (this) {
            // one computation at a time: requests that waited for it take its result
            cached = entry;
            if (fresh(cached)) {
                return cached.metrics();
            }
            long computedFor = generation.get();
            Instant now = Instant.now();
            PortfolioMetrics metrics = queries.current(now);
            if (generation.get() == computedFor) {
                entry = new Entry(metrics, computedFor, now.plus(ttl));
            }
            return metrics;
        }
    }

    /** Drops the cached metrics once the current transaction commits (at once outside a transaction). */
    private void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
    }

    private void invalidate() {
        generation.incrementAndGet();
        entry = null;
    }

    private boolean fresh(Entry cached) {
        return cached != null && cached.generation() == generation.get() && Instant.now().isBefore(cached.expiresAt());
    }
}
