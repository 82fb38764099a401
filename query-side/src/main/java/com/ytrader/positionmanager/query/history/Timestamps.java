package com.ytrader.positionmanager.query.history;

import com.ytrader.positionmanager.api.InvalidParameterException;

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
}
