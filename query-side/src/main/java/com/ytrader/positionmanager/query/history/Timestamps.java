package com.ytrader.positionmanager.query.history;

import com.ytrader.positionmanager.api.InvalidParameterException;
import com.ytrader.positionmanager.eventstore.UtcInstants;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Instants in requests: ISO-8601 with an offset, kept to microseconds (what PostgreSQL stores). */
final class Timestamps {

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
     * nearly all {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}: that shape is read by {@link UtcInstants}; any other text,
     * or a field out of range, goes through {@link #required}, which decides (and names the error).
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
        Instant instant = UtcInstants.parse(text);
        return instant == null ? Long.MIN_VALUE : micros(instant);
    }
}
