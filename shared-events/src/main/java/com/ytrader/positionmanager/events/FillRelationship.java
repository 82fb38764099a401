package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a fill did to the leg it traded on (spec 001: the order-to-position link). */
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
