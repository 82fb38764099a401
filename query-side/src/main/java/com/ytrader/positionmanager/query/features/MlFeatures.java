package com.ytrader.positionmanager.query.features;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The ML features of a position, computed in this one place for the REST API, the integration events and
 * point-in-time queries. Each is null where it is undefined (no entry notional, zero exposure, no price,
 * flat position) rather than a division error or a misleading zero.
 *
 * @param unrealizedPnlPct {@code unrealized_pnl / entry notional * 100}
 * @param timeHeldMinutes  whole minutes since the current lifecycle opened
 * @param positionSizeNorm {@code |size * current_price| / total_exposure}
 */
public record MlFeatures(BigDecimal unrealizedPnlPct, Long timeHeldMinutes, BigDecimal positionSizeNorm) {

    /** Decimal places of the two ratios. */
    public static final int SCALE = 8;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static MlFeatures of(FeatureInputs position, BigDecimal totalExposure, Instant asOf) {
        return new MlFeatures(unrealizedPnlPct(position), timeHeldMinutes(position, asOf),
                positionSizeNorm(position, totalExposure));
    }

    private static BigDecimal unrealizedPnlPct(FeatureInputs position) {
        BigDecimal entryNotional = position.entryNotional();
        if (entryNotional == null || entryNotional.signum() == 0 || position.unrealizedPnl() == null) {
            return null;
        }
        return position.unrealizedPnl().multiply(HUNDRED).divide(entryNotional, SCALE, RoundingMode.HALF_EVEN);
    }

    private static Long timeHeldMinutes(FeatureInputs position, Instant asOf) {
        if (position.openedAt() == null) {
            return null;
        }
        // the exchange's clock may run slightly ahead of ours: a position is never held for negative time
        return Math.max(0, Duration.between(position.openedAt(), asOf).toMinutes());
    }

    private static BigDecimal positionSizeNorm(FeatureInputs position, BigDecimal totalExposure) {
        if (position.currentPrice() == null || totalExposure == null || totalExposure.signum() == 0) {
            return null;
        }
        return position.exposure().divide(totalExposure, SCALE, RoundingMode.HALF_EVEN);
    }
}
