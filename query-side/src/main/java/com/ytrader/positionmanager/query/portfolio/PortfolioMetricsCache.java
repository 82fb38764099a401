package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.events.CarriesPositionFigures;
import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.query.position.PriceStaleness;
import com.ytrader.positionmanager.query.position.TotalExposure;
import com.ytrader.positionmanager.query.processing.DatabaseNotifications;
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
 * The portfolio as of the last commit to {@code positions}, whichever instance made it. Answers come from memory
 * ({@link PortfolioLedger}) until PostgreSQL notifies a change ({@code positions_changed}), this instance's read-model
 * processor commits one, a stale price's moment comes, or the TTL ends; then the rows written since the last read are
 * read and replace what they added before ({@link PortfolioQueries}): the cost of a change is its own rows, not the
 * portfolio's. The TTL bounds how long a lost notification could hide another instance's change.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class PortfolioMetricsCache implements TotalExposure {

    static final String POSITIONS_CHANGED = "positions_changed";

    /**
     * What answers are served from.
     *
     * @param withAssets the same figures with each asset's, once an answer has asked for them; else null
     * @param changes    the count of signalled changes they take into account
     */
    private record Entry(PortfolioTotals totals, PortfolioMetrics withAssets, long changes, Instant validUntil) {
    }

    private final PortfolioQueries queries;
    private final Duration ttl;
    /** Guarded by this, with {@link #lastRead}. */
    private final PortfolioLedger ledger;
    private PortfolioQueries.Mark lastRead;
    private final AtomicLong changes = new AtomicLong();
    /** One signal per batch, however many of its events change positions. */
    private final BatchBuffer<Boolean> changedInBatch =
            new BatchBuffer<>(PortfolioMetricsCache.class.getName(), () -> Boolean.TRUE,
                    ignored -> changedAfterCommit());
    private volatile Entry entry;

    PortfolioMetricsCache(PortfolioQueries queries, PriceStaleness staleness, DatabaseNotifications notifications,
                          @Value("${position-manager.metrics-cache-ttl}") Duration ttl) {
        this.queries = queries;
        this.ledger = new PortfolioLedger(staleness);
        this.ttl = ttl;
        notifications.subscribe(POSITIONS_CHANGED, changes::incrementAndGet);
    }

    @EventHandler
    void on(CarriesPositionFigures positionChanged) {
        changedInBatch.current();
    }

    @ResetHandler
    void reset() {
        changedAfterCommit();
    }

    @Override
    public BigDecimal totalExposure() {
        return current().totalExposure();
    }

    /** The portfolio's totals. */
    public PortfolioTotals current() {
        Entry cached = entry;
        if (fresh(cached)) {
            return cached.totals();
        }
        synchronized (this) {
            return upToDate().totals();
        }
    }

    /** The totals and each asset's figures, at the same moment. */
    public PortfolioMetrics withAssets() {
        Entry cached = entry;
        if (fresh(cached) && cached.withAssets() != null) {
            return cached.withAssets();
        }
        synchronized (this) {
            Entry current = upToDate();
            if (current.withAssets() == null) {
                current = new Entry(current.totals(), ledger.metrics(current.totals()), current.changes(),
                        current.validUntil());
                entry = current;
            }
            return current.withAssets();
        }
    }

    /** Under the lock: the entry, after reading the rows written since the last read if it is not fresh. */
    private Entry upToDate() {
        Entry cached = entry;
        if (fresh(cached)) {
            return cached;
        }
        long signalled = changes.get();
        Instant now = Instant.now();
        PortfolioQueries.Read read = queries.since(lastRead);
        if (read.whole()) {
            ledger.clear();
        }
        read.rows().forEach(ledger::put);
        lastRead = read.mark();
        PortfolioTotals totals = ledger.totals(now);
        Instant validUntil = earliest(now.plus(ttl), ledger.staleCountValidUntil(now));
        Entry updated = unchanged(cached, read, totals)
                ? new Entry(cached.totals(), cached.withAssets(), signalled, validUntil)
                : new Entry(totals, null, signalled, validUntil);
        entry = updated;
        return updated;
    }

    /**
     * Nothing was written and no price turned stale: the figures served before still hold, and so do the answers
     * rendered and the limits judged from them.
     */
    private static boolean unchanged(Entry cached, PortfolioQueries.Read read, PortfolioTotals totals) {
        return cached != null && !read.whole() && read.rows().isEmpty()
                && cached.totals().stalePricesCount() == totals.stalePricesCount();
    }

    private static Instant earliest(Instant one, Instant other) {
        return other == null || one.isBefore(other) ? one : other;
    }

    /** Signals a change once the current transaction commits (at once outside a transaction). */
    private void changedAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                }
            });
        } else {
            changes.incrementAndGet();
        }
    }

    private boolean fresh(Entry cached) {
        return cached != null && cached.changes() == changes.get() && !Instant.now().isAfter(cached.validUntil());
    }
}
