package com.ytrader.positionmanager.query.processing;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}, for a projection that appends many rows per
 * batch: one {@code COPY} costs PostgreSQL far less per row than a multi-row {@code INSERT} (no statement of
 * thousands of parameters to parse, plan and bind) and the driver less than binding each parameter. Each value is
 * written as the driver would have sent it as a parameter, so the rows stored are the same.
 */
public final class CopyRows {

    private static final char NULL_MARK = 'N';

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;

    /** A text column; null as SQL NULL. */
    public CopyRows text(String value) {
        separator();
        if (value == null) {
            return appendNull();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
        return this;
    }

    /** A NUMERIC column, exact (never in exponent notation). */
    public CopyRows number(BigDecimal value) {
        separator();
        return value == null ? appendNull() : append(value.toPlainString());
    }

    public CopyRows number(Long value) {
        separator();
        return value == null ? appendNull() : append(Long.toString(value));
    }

    public CopyRows number(long value) {
        separator();
        text.append(value);
        return this;
    }

    public CopyRows bool(Boolean value) {
        separator();
        return value == null ? appendNull() : append(value ? "t" : "f");
    }

    /**
     * A TIMESTAMPTZ column. PostgreSQL keeps microseconds; the driver rounds a parameter's nanoseconds to the nearest
     * microsecond, half up, and so does this.
     */
    public CopyRows time(Instant value) {
        separator();
        if (value == null) {
            return appendNull();
        }
        Instant rounded = value.getNano() % 1_000 >= 500 ? value.plusNanos(1_000) : value;
        // by hand: Instant.toString's formatter was a sixth of the COPY text's cost
        LocalDateTime utc = LocalDateTime.ofEpochSecond(rounded.getEpochSecond(), rounded.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999) {
            return append(rounded.truncatedTo(ChronoUnit.MICROS).toString());
        }
        digits(utc.getYear(), 4).append('-');
        digits(utc.getMonthValue(), 2).append('-');
        digits(utc.getDayOfMonth(), 2).append(' ');
        digits(utc.getHour(), 2).append(':');
        digits(utc.getMinute(), 2).append(':');
        digits(utc.getSecond(), 2).append('.');
        digits(utc.getNano() / 1_000, 6).append("+00");
        return this;
    }

    private StringBuilder digits(int value, int width) {
        for (int power = width - 1, divisor = (int) Math.pow(10, power); power >= 0; power--, divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
        return text;
    }

    public CopyRows time(OffsetDateTime value) {
        return time(value == null ? null : value.toInstant());
    }

    /** Ends the current row. */
    public CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        return this;
    }

    /** What {@code CopyManager.copyIn} reads. */
    public StringReader reader() {
        return new StringReader(text.toString());
    }

    private void separator() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    private CopyRows append(String value) {
        text.append(value);
        return this;
    }

    private CopyRows appendNull() {
        text.append('\\').append(NULL_MARK);
        return this;
    }
}
