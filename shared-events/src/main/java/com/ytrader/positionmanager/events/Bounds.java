package com.ytrader.positionmanager.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What every value of a position must fit, so that whatever the command side accepts can be stored by every read
 * model downstream: text in {@code VARCHAR(255)}, decimals in {@code NUMERIC(38,18)} (below 10^20, at most 18
 * fraction digits), instants in {@code TIMESTAMPTZ} and in the stored event format (four-digit years). The ingest
 * reads every inbound field through these bounds and the position checks every command against them; values
 * beyond them are rejected naming the field, before anything is recorded.
 *
 * <p>The magnitude and notional bounds are far tighter than the columns: a fill's notional (quantity × price) of
 * at most 10^15 leaves room for 100,000 such fills before a position's entry notional or realized PnL could leave
 * {@code NUMERIC(38,18)}.
 */
public final class Bounds {

    /** Ids, trace ids, order ids, exec types and any other text: the read models' {@code VARCHAR(255)}. */
    public static final int MAX_TEXT_LENGTH = 255;
    /** {@code NUMERIC(38,18)}: 20 digits before the point. */
    public static final int MAX_INTEGER_DIGITS = 20;
    /** {@code NUMERIC(38,18)}: 18 digits after the point. */
    public static final int MAX_FRACTION_DIGITS = 18;
    /** The largest quantity, price or amount of one command. */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e12");
    /** The largest quantity × price of one fill or one reported position. */
    public static final BigDecimal MAX_NOTIONAL = new BigDecimal("1e15");
    /** The earliest business time: the Unix epoch. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The latest business time: the last instant of year 9999. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Bounds() {
    }

    /** Why a text cannot be stored ({@code null} when it can): too long, or a NUL, which PostgreSQL text refuses. */
    public static String textViolation(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            return "is %d characters long, more than %d".formatted(text.length(), MAX_TEXT_LENGTH);
        }
        if (text.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        return null;
    }

    /** Whether a decimal fits {@code NUMERIC(38,18)} without rounding: what an inbound value must be. */
    public static boolean representable(BigDecimal value) {
        return fitsNumericColumn(value) && value.scale() <= MAX_FRACTION_DIGITS;
    }

    /**
     * Whether a {@code NUMERIC(38,18)} column can store a decimal, which rounds more than 18 fraction digits (as a
     * product of two stored values has) but refuses a 21st integer digit.
     */
    public static boolean fitsNumericColumn(BigDecimal value) {
        // in long: for 1E+2147483647 the int difference overflows to a negative number of digits
        return (long) value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
    }

    public static boolean withinMagnitude(BigDecimal value) {
        return value.abs().compareTo(MAX_MAGNITUDE) <= 0;
    }

    public static boolean withinNotional(BigDecimal quantity, BigDecimal price) {
        return quantity.abs().multiply(price.abs()).compareTo(MAX_NOTIONAL) <= 0;
    }

    public static boolean withinTimeRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** The documented time range, for messages: {@code 1970-01-01T00:00:00Z … 9999-12-31T23:59:59.999999999Z}. */
    public static String timeRange() {
        return EARLIEST + " … " + LATEST;
    }
}
