package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The exchange's {@code positionStatus} of a leg: normal, being liquidated, or being auto-deleveraged. */
public enum PositionStatus {
    NORMAL("Normal"),
    LIQ("Liq"),
    ADL("Adl");

    private final String wireName;

    PositionStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Bybit's spelling; an unknown status is refused rather than guessed. */
    @JsonCreator
    public static PositionStatus fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "positionStatus must be Normal, Liq or Adl, was " + name));
    }
}
