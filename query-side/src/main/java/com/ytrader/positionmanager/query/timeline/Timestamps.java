package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.api.InvalidParameterException;
import com.ytrader.positionmanager.api.RejectedInput;
import com.ytrader.positionmanager.eventstore.UtcInstants;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Instants in requests: ISO-8601 with an offset, kept to microseconds (what PostgreSQL stores), from
 * the years 1970 to 9999 UTC ({@link #EARLIEST} inclusive to {@link #END} exclusive) for every timestamp parameter
 * and training row. ISO-8601 itself reaches year +999999999, which no {@code TIMESTAMPTZ} holds.
 */
public final class Timestamps {

    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private Timestamps() {
    }

    public static Instant parse(String name, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notIso) {
            throw new InvalidParameterException(name,
                    name + " must be an ISO-8601 instant with an offset (e.g. 2024-01-01T00:00:00Z), was '"
                            + RejectedInput.abbreviate(value) + "'");
        }
        return inRange(name, value, instant);
    }

    public static Instant required(String name, String value) {
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
    public static long requiredMicros(String name, String value) {
        Instant instant = UtcInstants.parse(value);
        return micros(instant == null ? required(name, value) : inRange(name, value, instant));
    }

    /**
     * Microseconds since the epoch, whole ones (an instant here has no finer part). Unlike
     * {@code ChronoUnit.MICROS.between}, which counts in nanoseconds first, it does not overflow beyond 292 years.
     */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static Instant inRange(String name, String value, Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
            throw new InvalidParameterException(name, name + " must be in the years 1970 to 9999 UTC, was '"
                    + RejectedInput.abbreviate(value) + "'");
        }
        return instant;
    }
}
