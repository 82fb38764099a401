package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a change to a position came from; carried in every event's metadata as {@code source}. */
public enum UpdateSource {
    ORDER_EXECUTION,
    WEBSOCKET,
    VALIDATION,
    API,
    SCHEDULER,
    /** executions fetched from the exchange's REST API by a validation */
    RECONCILIATION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
