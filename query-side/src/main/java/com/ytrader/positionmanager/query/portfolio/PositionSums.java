package com.ytrader.positionmanager.query.portfolio;

import java.math.BigDecimal;

/**
 * The additive portfolio figures of a set of positions: of one position, of one asset's, of the whole portfolio.
 * Sums are exact ({@code BigDecimal}), so a total kept by adding and taking away positions as they change equals the
 * total summed anew.
 *
 * @param exposure       {@code SUM(|size| * current_price)}; a position without a price adds nothing
 * @param value          {@code SUM(size * current_price)}
 * @param longExposure   {@code SUM(size * current_price)} over positions with {@code size > 0}
 * @param shortExposure  {@code SUM(|size| * current_price)} over positions with {@code size < 0}
 * @param size           net size
 * @param openPositions  positions with {@code size <> 0}
 */
public record PositionSums(
        BigDecimal exposure,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal value,
        BigDecimal longExposure,
        BigDecimal shortExposure,
        BigDecimal size,
        long openPositions,
        long longPositions,
        long shortPositions) {

    public static final PositionSums NONE = new PositionSums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);

    public PositionSums plus(PositionSums other) {
        return new PositionSums(exposure.add(other.exposure), unrealizedPnl.add(other.unrealizedPnl),
                realizedPnl.add(other.realizedPnl), value.add(other.value), longExposure.add(other.longExposure),
                shortExposure.add(other.shortExposure), size.add(other.size), openPositions + other.openPositions,
                longPositions + other.longPositions, shortPositions + other.shortPositions);
    }

    public PositionSums minus(PositionSums other) {
        return new PositionSums(exposure.subtract(other.exposure), unrealizedPnl.subtract(other.unrealizedPnl),
                realizedPnl.subtract(other.realizedPnl), value.subtract(other.value),
                longExposure.subtract(other.longExposure), shortExposure.subtract(other.shortExposure),
                size.subtract(other.size), openPositions - other.openPositions, longPositions - other.longPositions,
                shortPositions - other.shortPositions);
    }

    /** Long exposure minus short exposure. */
    public BigDecimal netExposure() {
        return longExposure.subtract(shortExposure);
    }
}
