package com.ytrader.positionmanager.query.portfolio;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The portfolio metrics in memory (spec §3.2.3): computed by one query, served as they are until a projection
 * commits a change to {@code positions} or the TTL ends, whichever comes first. A computation that overlaps an
 * invalidation is served to its caller but not kept, so the cache never holds figures older than a commit.
 */
@Component
public class PortfolioMetricsCache {

    private record Entry(PortfolioMetrics metrics, long generation, Instant expiresAt) {
    }

    private final PortfolioQueries queries;
    private final Duration ttl;
    private final AtomicLong generation = new AtomicLong();
    private volatile Entry entry;

    PortfolioMetricsCache(PortfolioQueries queries, @Value("${position-manager.metrics-cache-ttl}") Duration ttl) {
        this.queries = queries;
        this.ttl = ttl;
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
    public void invalidateAfterCommit() {
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
