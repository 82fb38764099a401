package com.ytrader.positionmanager.query.portfolio;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The portfolio's totals and the figures of each asset it holds or held, at the same moment. */
public final class PortfolioMetrics {

    private final PortfolioTotals totals;
    private final SortedMap<String, AssetTotals> openAssets;
    private final Map<String, AssetTotals> byAsset;

    /** @param byAsset every asset with a position, open or closed, whose figures sum to {@code totals} */
    PortfolioMetrics(PortfolioTotals totals, Map<String, AssetTotals> byAsset) {
        this.totals = totals;
        this.byAsset = byAsset;
        TreeMap<String, AssetTotals> open = new TreeMap<>();
        byAsset.forEach((asset, figures) -> {
            if (figures.hasOpenPositions()) {
                open.put(asset, figures);
            }
        });
        this.openAssets = Collections.unmodifiableSortedMap(open);
    }

    public PortfolioTotals totals() {
        return totals;
    }

    /** The metrics of one asset's positions alone: an empty portfolio when the asset has none. */
    public PortfolioMetrics onlyAsset(String asset) {
        AssetTotals figures = byAsset.get(asset);
        if (figures == null) {
            return new PortfolioMetrics(new PortfolioTotals(PositionSums.NONE, 0, totals.calculatedAt()), Map.of());
        }
        return new PortfolioMetrics(new PortfolioTotals(figures.sums(), figures.stalePrices(), totals.calculatedAt()),
                Map.of(asset, figures));
    }

    /** The assets with at least one open position, by name: the response's {@code by_asset}. */
    public SortedMap<String, AssetTotals> openAssets() {
        return openAssets;
    }
}
