package com.ytrader.positionmanager.query.portfolio;

import java.math.BigDecimal;

/**
 * The portfolio figures of the positions of one asset (both modes), as one aggregate query returns them.
 * A position without a current price contributes nothing to exposure or value (its price is unknown).
 *
 * @param exposure      {@code SUM(|size| * current_price)}
 * @param value         {@code SUM(size * current_price)}
 * @param longExposure  {@code SUM(size * current_price)} over positions with {@code size > 0}
 * @param shortExposure {@code SUM(|size| * current_price)} over positions with {@code size < 0}
 * @param size          net size over both modes
 * @param stalePrices   open positions whose mark price is missing or older than the staleness threshold: their
 *                      exposure is unknown or old
 */
public record AssetTotals(
        String asset,
        BigDecimal exposure,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal value,
        BigDecimal longExposure,
        BigDecimal shortExposure,
        BigDecimal size,
        long openPositions,
        long longPositions,
        long shortPositions,
        long stalePrices) {

    public boolean hasOpenPositions() {
        return openPositions > 0;
    }
}
