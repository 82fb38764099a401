package com.ytrader.positionmanager.query.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Portfolio metrics over a set of positions: totals are exact sums of the per-asset figures,
 * summed once when the metrics are computed, so that reading them costs nothing per request.
 */
public final class PortfolioMetrics {

    private final SortedMap<String, AssetTotals> byAsset;
    private final SortedMap<String, AssetTotals> openAssets;
    private final Instant calculatedAt;
    private final BigDecimal totalExposure;
    private final BigDecimal totalUnrealizedPnl;
    private final BigDecimal totalRealizedPnl;
    private final BigDecimal portfolioValue;
    private final BigDecimal netExposure;
    private final long openPositionsCount;
    private final long longPositionsCount;
    private final long shortPositionsCount;
    private final long stalePricesCount;

    private PortfolioMetrics(SortedMap<String, AssetTotals> byAsset, Instant calculatedAt) {
        this.byAsset = Collections.unmodifiableSortedMap(byAsset);
        TreeMap<String, AssetTotals> open = new TreeMap<>();
        byAsset.forEach((asset, totals) -> {
            if (totals.hasOpenPositions()) {
                open.put(asset, totals);
            }
        });
        this.openAssets = Collections.unmodifiableSortedMap(open);
        this.calculatedAt = calculatedAt;
        this.totalExposure = sum(AssetTotals::exposure);
        this.totalUnrealizedPnl = sum(AssetTotals::unrealizedPnl);
        this.totalRealizedPnl = sum(AssetTotals::realizedPnl);
        this.portfolioValue = sum(AssetTotals::value);
        this.netExposure = sum(AssetTotals::longExposure).subtract(sum(AssetTotals::shortExposure));
        this.openPositionsCount = count(AssetTotals::openPositions);
        this.longPositionsCount = count(AssetTotals::longPositions);
        this.shortPositionsCount = count(AssetTotals::shortPositions);
        this.stalePricesCount = count(AssetTotals::stalePrices);
    }

    /** @param assets every asset with a position, open or closed */
    public static PortfolioMetrics of(Collection<AssetTotals> assets, Instant calculatedAt) {
        TreeMap<String, AssetTotals> byAsset = new TreeMap<>();
        assets.forEach(totals -> byAsset.put(totals.asset(), totals));
        return new PortfolioMetrics(byAsset, calculatedAt);
    }

    /** The metrics of one asset's positions alone: an empty portfolio when the asset has none. */
    public PortfolioMetrics onlyAsset(String asset) {
        TreeMap<String, AssetTotals> only = new TreeMap<>();
        AssetTotals totals = byAsset.get(asset);
        if (totals != null) {
            only.put(asset, totals);
        }
        return new PortfolioMetrics(only, calculatedAt);
    }

    public Instant calculatedAt() {
        return calculatedAt;
    }

    public BigDecimal totalExposure() {
        return totalExposure;
    }

    public BigDecimal totalUnrealizedPnl() {
        return totalUnrealizedPnl;
    }

    public BigDecimal totalRealizedPnl() {
        return totalRealizedPnl;
    }

    public BigDecimal totalPnl() {
        return totalUnrealizedPnl.add(totalRealizedPnl);
    }

    public BigDecimal portfolioValue() {
        return portfolioValue;
    }

    /** Long exposure minus short exposure. */
    public BigDecimal netExposure() {
        return netExposure;
    }

    public long openPositionsCount() {
        return openPositionsCount;
    }

    public long longPositionsCount() {
        return longPositionsCount;
    }

    public long shortPositionsCount() {
        return shortPositionsCount;
    }

    /** Open positions without a fresh mark price: what the exposure leaves out or counts at an old price. */
    public long stalePricesCount() {
        return stalePricesCount;
    }

    /** The assets with at least one open position: the response's {@code by_asset}. */
    public Map<String, AssetTotals> openAssets() {
        return openAssets;
    }

    private BigDecimal sum(Function<AssetTotals, BigDecimal> figure) {
        return byAsset.values().stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long count(ToLongFunction<AssetTotals> figure) {
        return byAsset.values().stream().mapToLong(figure).sum();
    }
}
