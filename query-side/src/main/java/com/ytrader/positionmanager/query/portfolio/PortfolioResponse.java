package com.ytrader.positionmanager.query.portfolio;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.query.limits.LimitCheck;
import com.ytrader.positionmanager.query.position.PositionResponse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /api/v1/portfolio} ; {@code positions} only when asked for. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PortfolioResponse(
        BigDecimal totalExposureUsdt,
        BigDecimal totalUnrealizedPnlUsdt,
        BigDecimal totalRealizedPnlUsdt,
        BigDecimal portfolioValueUsdt,
        long openPositionsCount,
        long longPositionsCount,
        long shortPositionsCount,
        BigDecimal netExposureUsdt,
        long stalePricesCount,
        Map<String, AssetExposure> byAsset,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PositionResponse> positions,
        Instant calculatedAt,
        List<LimitCheck> limits,
        boolean limitExceeded) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AssetExposure(BigDecimal exposureUsdt, BigDecimal unrealizedPnlUsdt, BigDecimal size) {
    }

    public static PortfolioResponse of(PortfolioMetrics metrics, List<PositionResponse> positions,
                                       List<LimitCheck> limits) {
        Map<String, AssetExposure> byAsset = new TreeMap<>();
        metrics.openAssets().forEach((asset, figures) -> byAsset.put(asset, new AssetExposure(
                figures.sums().exposure(), figures.sums().unrealizedPnl(), figures.sums().size())));
        PortfolioTotals totals = metrics.totals();
        return new PortfolioResponse(totals.totalExposure(), totals.totalUnrealizedPnl(),
                totals.totalRealizedPnl(), totals.portfolioValue(), totals.openPositionsCount(),
                totals.longPositionsCount(), totals.shortPositionsCount(), totals.netExposure(),
                totals.stalePricesCount(), byAsset, positions, totals.calculatedAt(), limits,
                LimitCheck.anyExceeded(limits));
    }
}
