package com.ytrader.positionmanager.query.portfolio;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.query.limits.LimitCheck;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/portfolio/exposure}, with the portfolio's limits as {@code GET /api/v1/portfolio} has them. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExposureResponse(BigDecimal totalExposureUsdt, long stalePricesCount, Instant calculatedAt,
                               List<LimitCheck> limits, boolean limitExceeded) {

    static ExposureResponse of(PortfolioTotals metrics, List<LimitCheck> limits) {
        return new ExposureResponse(metrics.totalExposure(), metrics.stalePricesCount(), metrics.calculatedAt(),
                limits, LimitCheck.anyExceeded(limits));
    }
}
