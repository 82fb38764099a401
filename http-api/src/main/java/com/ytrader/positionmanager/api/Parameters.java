package com.ytrader.positionmanager.api;

import com.ytrader.positionmanager.events.PositionId;

import java.math.BigDecimal;

/** Checks of request parameters that types alone do not express; each failure names its parameter. */
public final class Parameters {

    /** Integer digits of a decimal parameter: what the read models' NUMERIC(38,18) holds. */
    public static final int MAX_INTEGER_DIGITS = 20;
    /** Fraction digits of a decimal parameter (trailing zeros not counted): NUMERIC(38,18)'s scale. */
    public static final int MAX_FRACTION_DIGITS = 18;

    private Parameters() {
    }

    public static String asset(String name, String value) {
        if (value != null && !PositionId.isValidAsset(value)) {
            throw new InvalidParameterException(name, name + " must be 2 to 30 upper-case letters or digits "
                    + "(e.g. BTCUSDT), was '" + RejectedInput.abbreviate(value) + "'");
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

    /**
     * Every decimal request parameter (through {@link DecimalParameters}): one the
     * read models can hold, at most {@value #MAX_INTEGER_DIGITS} integer and {@value #MAX_FRACTION_DIGITS} fraction
     * digits. {@code 1e999999999} is a valid {@code BigDecimal} of a billion digits: its plain form must never be
     * made, and {@code 1e-999999999} must never reach the database. The conversion failure is answered 400 naming
     * the parameter ({@link ProblemResponses}).
     */
    public static BigDecimal decimal(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException notDecimal) {
            throw new IllegalArgumentException("expected a decimal number such as 1.5");
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // precision - scale is the number of integer digits, with or without trailing zeros
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS
                || (value.scale() > MAX_FRACTION_DIGITS && value.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS)) {
            throw new IllegalArgumentException("expected a decimal of at most " + MAX_INTEGER_DIGITS
                    + " integer digits and " + MAX_FRACTION_DIGITS + " fraction digits");
        }
        return value;
    }
}
