package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a fill did to the leg it traded on (the order-to-position link of {@code position_orders}). */
public enum FillRelationship {
    OPENED,
    INCREASED,
    DECREASED,
    CLOSED,
    REVERSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
