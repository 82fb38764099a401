package com.ytrader.positionmanager.query.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Portfolio metrics of spec §3.2.2 over a set of positions: totals are sums of the per-asset figures, exact.
 *
 * @param byAsset every asset with a position, open or closed, keyed by asset
 */
public record PortfolioMetrics(SortedMap<String, AssetTotals> byAsset, Instant calculatedAt) {

    public static PortfolioMetrics of(Collection<AssetTotals> assets, Instant calculatedAt) {
        return new PortfolioMetrics(assets.stream().collect(Collectors.toMap(AssetTotals::asset, Function.identity(),
                (first, second) -> first, TreeMap::new)), calculatedAt);
    }

    /** The metrics of one asset's positions alone: an empty portfolio when the asset has none. */
    public PortfolioMetrics onlyAsset(String asset) {
        AssetTotals totals = byAsset.get(asset);
        TreeMap<String, AssetTotals> only = new TreeMap<>();
        if (totals != null) {
            only.put(asset, totals);
        }
        return new PortfolioMetrics(only, calculatedAt);
    }

    public BigDecimal totalExposure() {
        return sum(AssetTotals::exposure);
    }

    public BigDecimal totalUnrealizedPnl() {
        return sum(AssetTotals::unrealizedPnl);
    }

    public BigDecimal totalRealizedPnl() {
        return sum(AssetTotals::realizedPnl);
    }

    public BigDecimal totalPnl() {
        return totalUnrealizedPnl().add(totalRealizedPnl());
    }

    public BigDecimal portfolioValue() {
        return sum(AssetTotals::value);
    }

    /** Long exposure minus short exposure. */
    public BigDecimal netExposure() {
        return sum(AssetTotals::longExposure).subtract(sum(AssetTotals::shortExposure));
    }

    public long openPositionsCount() {
        return byAsset.values().stream().mapToLong(AssetTotals::openPositions).sum();
    }

    public long longPositionsCount() {
        return byAsset.values().stream().mapToLong(AssetTotals::longPositions).sum();
    }

    public long shortPositionsCount() {
        return byAsset.values().stream().mapToLong(AssetTotals::shortPositions).sum();
    }

    /** The assets with at least one open position: the spec's {@code by_asset}. */
    public Map<String, AssetTotals> openAssets() {
        return byAsset.entrySet().stream().filter(entry -> entry.getValue().hasOpenPositions())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first,
                        TreeMap::new));
    }

    private BigDecimal sum(Function<AssetTotals, BigDecimal> figure) {
        return byAsset.values().stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
