package com.ytrader.positionmanager.query.history;

import com.ytrader.positionmanager.api.InvalidParameterException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Instants in requests: ISO-8601 with an offset, kept to microseconds (what PostgreSQL stores). */
final class Timestamps {

    private static final int SHORTEST_UTC = "2024-01-01T00:00:00Z".length();

    private Timestamps() {
    }

    static Instant parse(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notIso) {
            throw new InvalidParameterException(name,
                    name + " must be an ISO-8601 instant with an offset (e.g. 2024-01-01T00:00:00Z), was '"
                            + value + "'");
        }
    }

    static Instant required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name, name + " is required");
        }
        return parse(name, value);
    }

    /**
     * {@link #required} in microseconds since the epoch. The training batch parses a million of these a request,
     * nearly all {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}: that shape is read digit by digit; any other text, or a
     * field out of range, goes through {@link #required}, which decides (and names the error).
     */
    static long requiredMicros(String name, String value) {
        long micros = utcMicros(value);
        return micros != Long.MIN_VALUE ? micros : micros(required(name, value));
    }

    /**
     * Microseconds since the epoch, whole ones (an instant here has no finer part). Unlike
     * {@code ChronoUnit.MICROS.between}, which counts in nanoseconds first, it does not overflow beyond 292 years.
     */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} in microseconds (the fraction cut), else {@code Long.MIN_VALUE}. */
    private static long utcMicros(String text) {
        int length = text == null ? 0 : text.length();
        if (length < SHORTEST_UTC || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        long micros = 0;
        if (length > SHORTEST_UTC) {
            int fractionDigits = length - SHORTEST_UTC - 1;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return Long.MIN_VALUE;
            }
            int fraction = digits(text, 20, fractionDigits);
            if (fraction < 0) {
                return Long.MIN_VALUE;
            }
            // scale to nanoseconds, then cut to microseconds
            for (int i = fractionDigits; i < 9; i++) {
                fraction *= 10;
            }
            micros = fraction / 1000;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second;
        return seconds * 1_000_000 + micros;
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
