package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How the exchange margins a position: under cross margin its liquidation price is only an estimate. */
public enum MarginMode {
    CROSS,
    ISOLATED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
