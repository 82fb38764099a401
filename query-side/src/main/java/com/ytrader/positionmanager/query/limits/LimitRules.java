package com.ytrader.positionmanager.query.limits;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.FeatureInputs;
import com.ytrader.positionmanager.query.features.MlFeatures;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that says which limits are set, what each is measured on and when it is exceeded: the REST answers
 * and the limit events both ask it. A limit is exceeded when its figure is greater than the limit (at the limit is
 * still within it); a figure that is undefined exceeds nothing. The figures are the existing ones: the total
 * exposure of the portfolio, a position's exposure ({@link FeatureInputs#exposure()}), its
 * {@code position_size_norm} and its {@code unrealized_pnl_pct} ({@link MlFeatures}).
 */
@Component
public class LimitRules {

    private final Map<Limit, BigDecimal> limits;

    public LimitRules(LimitSettings settings) {
        EnumMap<Limit, BigDecimal> set = new EnumMap<>(Limit.class);
        putIfSet(set, Limit.MAX_TOTAL_EXPOSURE_USDT, settings.maxTotalExposureUsdt());
        putIfSet(set, Limit.MAX_POSITION_EXPOSURE_USDT, settings.maxPositionExposureUsdt());
        putIfSet(set, Limit.MAX_POSITION_SIZE_RATIO, settings.maxPositionSizeRatio());
        putIfSet(set, Limit.TAKE_PROFIT_PCT, settings.takeProfitPct());
        this.limits = Collections.unmodifiableMap(set);
    }

    private static void putIfSet(Map<Limit, BigDecimal> limits, Limit limit, BigDecimal value) {
        if (value != null) {
            limits.put(limit, value);
        }
    }

    /** The limits that are set, with their values, in the order of {@link Limit}. */
    public Map<Limit, BigDecimal> limits() {
        return limits;
    }

    public boolean anyPerPosition() {
        return limits.keySet().stream().anyMatch(Limit::perPosition);
    }

    public static boolean exceeded(BigDecimal value, BigDecimal limit) {
        return value != null && value.compareTo(limit) > 0;
    }

    /** The portfolio's own limit (total exposure), if set. */
    public List<LimitCheck> ofPortfolio(BigDecimal totalExposure) {
        BigDecimal limit = limits.get(Limit.MAX_TOTAL_EXPOSURE_USDT);
        return limit == null ? List.of()
                : List.of(check(Limit.MAX_TOTAL_EXPOSURE_USDT, limit, totalExposure, null, null));
    }

    /** Every per-position limit that is set, measured on one position and its features. */
    public List<LimitCheck> ofPosition(String asset, PositionMode mode, FeatureInputs position,
                                       MlFeatures features) {
        List<LimitCheck> checks = new ArrayList<>();
        for (Map.Entry<Limit, BigDecimal> limit : limits.entrySet()) {
            if (limit.getKey().perPosition()) {
                checks.add(check(limit.getKey(), limit.getValue(), value(limit.getKey(), position, features), asset,
                        mode));
            }
        }
        return checks;
    }

    /** What a per-position limit is measured on. */
    static BigDecimal value(Limit limit, FeatureInputs position, MlFeatures features) {
        return switch (limit) {
            case MAX_POSITION_EXPOSURE_USDT -> position.exposure();
            case MAX_POSITION_SIZE_RATIO -> features.positionSizeNorm();
            case TAKE_PROFIT_PCT -> features.unrealizedPnlPct();
            case MAX_TOTAL_EXPOSURE_USDT -> throw new IllegalArgumentException(limit + " is the portfolio's");
        };
    }

    private static LimitCheck check(Limit limit, BigDecimal limitValue, BigDecimal value, String asset,
                                    PositionMode mode) {
        return new LimitCheck(limit.wireName(), limitValue, value, exceeded(value, limitValue), asset, mode);
    }
}
