package com.ytrader.positionmanager.api;

import com.ytrader.positionmanager.events.PositionId;

import java.math.BigDecimal;

/** Checks of request parameters that types alone do not express; each failure names its parameter. */
public final class Parameters {

    private Parameters() {
    }

    public static String asset(String name, String value) {
        if (value != null && !PositionId.isValidAsset(value)) {
            throw new InvalidParameterException(name,
                    name + " must be 2 to 30 upper-case letters or digits (e.g. BTCUSDT), was '" + value + "'");
        }
        return value;
    }

    public static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidParameterException(name,
                    name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static void ordered(String lowerName, BigDecimal lower, String upperName, BigDecimal upper) {
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw new InvalidParameterException(lowerName,
                    lowerName + " (" + lower.toPlainString() + ") must not exceed " + upperName + " ("
                            + upper.toPlainString() + ")");
        }
    }
}
