package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.query.position.PriceStaleness;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The portfolio kept up to date position by position: each changed row replaces what it added before, so the totals
 * cost the changes, not the portfolio. Staleness depends on the clock as well: the quote times of the open positions
 * are kept in order, so the stale ones are counted without looking at the fresh ones. Not thread-safe: its owner,
 * {@link PortfolioMetricsCache}, changes and reads it under one lock.
 */
final class PortfolioLedger {

    private final PriceStaleness staleness;
    private final Map<UUID, PositionContribution> positions = new HashMap<>();
    /** The positions of each asset (one per mode), by asset name: what {@code by_asset} is made of. */
    private final NavigableMap<String, Map<UUID, PositionContribution>> byAsset = new TreeMap<>();
    /** Open positions with a quoted price, counted by quote time: the stale ones are a head of it. */
    private final NavigableMap<Instant, Integer> quoteTimes = new TreeMap<>();
    private PositionSums sums = PositionSums.NONE;
    /** Open positions whose price or quote time is unknown: stale whatever the time. */
    private long unquoted;

    PortfolioLedger(PriceStaleness staleness) {
        this.staleness = staleness;
    }

    /** A position as its row now reads, replacing what the row read before. */
    void put(PositionContribution position) {
        PositionContribution before = positions.put(position.id(), position);
        if (before != null) {
            remove(before);
        }
        sums = sums.plus(position.sums());
        byAsset.computeIfAbsent(position.asset(), ignored -> new LinkedHashMap<>()).put(position.id(), position);
        if (position.quoted()) {
            quoteTimes.merge(position.priceUpdatedAt(), 1, Integer::sum);
        } else if (position.open()) {
            unquoted++;
        }
    }

    void clear() {
        positions.clear();
        byAsset.clear();
        quoteTimes.clear();
        sums = PositionSums.NONE;
        unquoted = 0;
    }

    PortfolioTotals totals(Instant at) {
        long stale = unquoted;
        for (int count : quoteTimes.headMap(staleness.freshSince(at), false).values()) {
            stale += count;
        }
        return new PortfolioTotals(sums, stale, at);
    }

    /**
     * The moment after which {@link #totals} at {@code at} counts a stale price too few: the last moment the
     * oldest fresh quote is fresh. Null when no quote can turn stale.
     */
    Instant staleCountValidUntil(Instant at) {
        Instant oldestFresh = quoteTimes.ceilingKey(staleness.freshSince(at));
        return oldestFresh == null ? null : staleness.lastFreshMoment(oldestFresh);
    }

    /** The totals with each asset's figures, at the same moment: as long as the portfolio has assets. */
    PortfolioMetrics metrics(PortfolioTotals totals) {
        Map<String, AssetTotals> assets = new LinkedHashMap<>();
        byAsset.forEach((asset, ofAsset) -> {
            PositionSums assetSums = PositionSums.NONE;
            long stale = 0;
            for (PositionContribution position : ofAsset.values()) {
                assetSums = assetSums.plus(position.sums());
                if (position.open() && staleness.stale(position.currentPrice(), position.priceUpdatedAt(),
                        totals.calculatedAt())) {
                    stale++;
                }
            }
            assets.put(asset, new AssetTotals(asset, assetSums, stale));
        });
        return new PortfolioMetrics(totals, assets);
    }

    private void remove(PositionContribution position) {
        sums = sums.minus(position.sums());
        Map<UUID, PositionContribution> ofAsset = byAsset.get(position.asset());
        ofAsset.remove(position.id());
        if (ofAsset.isEmpty()) {
            byAsset.remove(position.asset());
        }
        if (position.quoted()) {
            quoteTimes.computeIfPresent(position.priceUpdatedAt(), (time, count) -> count == 1 ? null : count - 1);
        } else if (position.open()) {
            unquoted--;
        }
    }
}
