package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Bybit's position modes: one net position per symbol, or a long and a short leg side by side. */
public enum PositionMode {
    ONE_WAY("one-way"),
    HEDGE("hedge");

    private final String wireName;

    PositionMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Parses the wire name ({@code one-way}, {@code hedge}); anything else is bad input. */
    @JsonCreator
    public static PositionMode fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(mode -> mode.wireName.equalsIgnoreCase(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown position mode '" + wireName + "': expected one-way or hedge"));
    }
}
