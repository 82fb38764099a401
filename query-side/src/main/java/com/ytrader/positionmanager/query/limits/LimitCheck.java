package com.ytrader.positionmanager.query.limits;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.ytrader.positionmanager.events.PositionMode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * One limit measured against its figure: an element of {@code limits} in the REST answers.
 *
 * @param value    the figure now; null while it is undefined (no price, no entry notional, no exposure at all)
 * @param exceeded {@code value > limit}; never while the value is undefined
 * @param asset    the position's asset, for a per-position limit; absent for a limit of the portfolio
 * @param mode     the position's mode, beside its asset (an asset may have a one-way and a hedge position)
 */
public record LimitCheck(
        @Schema(allowableValues = {"max_total_exposure_usdt", "max_position_exposure_usdt", "max_position_size_ratio",
                "take_profit_pct"}) String name,
        BigDecimal limit,
        BigDecimal value,
        boolean exceeded,
        @JsonInclude(JsonInclude.Include.NON_NULL) String asset,
        @JsonInclude(JsonInclude.Include.NON_NULL) PositionMode mode) {

    /** True when any of {@code checks} is exceeded: the answers' {@code limit_exceeded}. */
    public static boolean anyExceeded(List<LimitCheck> checks) {
        return checks.stream().anyMatch(LimitCheck::exceeded);
    }
}
