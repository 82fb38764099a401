package com.ytrader.positionmanager.query.portfolio;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The whole portfolio's figures at one moment, as every answer and integration event shows them.
 *
 * @param stalePricesCount open positions without a fresh mark price at {@code calculatedAt}: what the exposure leaves
 *                         out or counts at an old price
 */
public record PortfolioTotals(PositionSums sums, long stalePricesCount, Instant calculatedAt) {

    public BigDecimal totalExposure() {
        return sums.exposure();
    }

    public BigDecimal totalUnrealizedPnl() {
        return sums.unrealizedPnl();
    }

    public BigDecimal totalRealizedPnl() {
        return sums.realizedPnl();
    }

    public BigDecimal totalPnl() {
        return sums.unrealizedPnl().add(sums.realizedPnl());
    }

    public BigDecimal portfolioValue() {
        return sums.value();
    }

    /** Long exposure minus short exposure. */
    public BigDecimal netExposure() {
        return sums.netExposure();
    }

    public long openPositionsCount() {
        return sums.openPositions();
    }

    public long longPositionsCount() {
        return sums.longPositions();
    }

    public long shortPositionsCount() {
        return sums.shortPositions();
    }
}
