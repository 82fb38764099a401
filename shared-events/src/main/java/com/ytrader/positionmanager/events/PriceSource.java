package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a mark price came from: the gateway's WebSocket streams, or the exchange's REST API. */
public enum PriceSource {
    WEBSOCKET,
    REST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
