package com.ytrader.positionmanager.query.features;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the ML features of one position are computed from.
 *
 * @param size           net signed size
 * @param currentPrice   the exchange's mark price, null before the first report
 * @param entryNotional  what the open quantity cost ({@code PositionFigures.entryNotional()}); zero when flat
 * @param openedAt       start of the current lifecycle; null when the position is flat or was never opened
 */
public record FeatureInputs(
        BigDecimal size,
        BigDecimal currentPrice,
        BigDecimal unrealizedPnl,
        BigDecimal entryNotional,
        Instant openedAt) {

    /**
     * What the position adds to the portfolio's total exposure: {@code |size| * current_price}, nothing while its price
     * is unknown. {@code PortfolioQueries} sums the same in SQL over the live rows.
     */
    public BigDecimal exposure() {
        return exposure(size, currentPrice);
    }

    public static BigDecimal exposure(BigDecimal size, BigDecimal currentPrice) {
        return currentPrice == null ? BigDecimal.ZERO : size.abs().multiply(currentPrice);
    }
}
