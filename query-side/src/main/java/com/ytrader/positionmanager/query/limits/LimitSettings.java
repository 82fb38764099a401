package com.ytrader.positionmanager.query.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

/**
 * The risk limits ({@code POSITION_MANAGER_MAX_TOTAL_EXPOSURE_USDT}, {@code _MAX_POSITION_EXPOSURE_USDT},
 * {@code _MAX_POSITION_SIZE_RATIO}, {@code _TAKE_PROFIT_PCT}); each null when unset or blank: no such limit.
 * A limit of zero or below would be exceeded by every position or by none at all: it is refused at start-up.
 *
 * @param maxTotalExposureUsdt    the portfolio's total exposure, {@code SUM(|size| * current_price)}
 * @param maxPositionExposureUsdt one position's exposure, {@code |size| * current_price}
 * @param maxPositionSizeRatio    one position's {@code position_size_norm} (its share of the total exposure)
 * @param takeProfitPct           one position's {@code unrealized_pnl_pct}, in percent
 */
@ConfigurationProperties("position-manager.limits")
public record LimitSettings(
        BigDecimal maxTotalExposureUsdt,
        BigDecimal maxPositionExposureUsdt,
        BigDecimal maxPositionSizeRatio,
        BigDecimal takeProfitPct) {

    public LimitSettings {
        requirePositive("POSITION_MANAGER_MAX_TOTAL_EXPOSURE_USDT", maxTotalExposureUsdt);
        requirePositive("POSITION_MANAGER_MAX_POSITION_EXPOSURE_USDT", maxPositionExposureUsdt);
        requirePositive("POSITION_MANAGER_MAX_POSITION_SIZE_RATIO", maxPositionSizeRatio);
        requirePositive("POSITION_MANAGER_TAKE_PROFIT_PCT", takeProfitPct);
    }

    private static void requirePositive(String setting, BigDecimal limit) {
        if (limit != null && limit.signum() <= 0) {
            throw new IllegalArgumentException(setting + " must be greater than zero (or unset: no limit), not "
                    + limit.toPlainString());
        }
    }
}
