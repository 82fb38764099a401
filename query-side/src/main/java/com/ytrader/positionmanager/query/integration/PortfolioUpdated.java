package com.ytrader.positionmanager.query.integration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.Instant;

/** The integration event {@code portfolio_updated}, queue {@code position-manager.portfolio_updated}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PortfolioUpdated(
        String eventType,
        BigDecimal totalExposureUsdt,
        BigDecimal totalUnrealizedPnlUsdt,
        BigDecimal totalRealizedPnlUsdt,
        long openPositionsCount,
        String traceId,
        Instant timestamp) {

    public static final String QUEUE = "position-manager.portfolio_updated";
}
