package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.query.features.FeatureInputs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What one {@code positions} row adds to the portfolio, as its last write left it.
 *
 * @param open           in a lifecycle ({@code opened_at} set, {@code closed_at} not): its price can be stale
 * @param currentPrice   the mark price, null while unknown
 * @param priceUpdatedAt when the mark price was quoted, null while unknown
 */
record PositionContribution(UUID id, String asset, PositionSums sums, boolean open, BigDecimal currentPrice,
                            Instant priceUpdatedAt) {

    static PositionContribution of(UUID id, String asset, BigDecimal size, BigDecimal currentPrice,
                                   BigDecimal unrealizedPnl, BigDecimal realizedPnl, Instant openedAt,
                                   Instant closedAt, Instant priceUpdatedAt) {
        int sign = size.signum();
        BigDecimal value = currentPrice == null ? BigDecimal.ZERO : size.multiply(currentPrice);
        BigDecimal exposure = FeatureInputs.exposure(size, currentPrice);
        PositionSums sums = new PositionSums(exposure, unrealizedPnl, realizedPnl, value,
                sign > 0 ? value : BigDecimal.ZERO, sign < 0 ? exposure : BigDecimal.ZERO, size,
                sign != 0 ? 1 : 0, sign > 0 ? 1 : 0, sign < 0 ? 1 : 0);
        return new PositionContribution(id, asset, sums, openedAt != null && closedAt == null, currentPrice,
                priceUpdatedAt);
    }

    /** Open, with a price whose quote time is known: its staleness depends on the time alone. */
    boolean quoted() {
        return open && currentPrice != null && priceUpdatedAt != null;
    }
}
