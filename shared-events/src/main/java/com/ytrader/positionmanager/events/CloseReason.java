package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Why the exchange moved a position without an order of ours: the execution type ({@code BustTrade},
 * {@code AdlTrade}, {@code Delivery}) or the create type of a trade ({@code CreateByLiq},
 * {@code CreateByAdl_PassThrough}, {@code CreateByTakeOver_PassThrough}) says so. An ordinary close has none.
 */
public enum CloseReason {
    LIQUIDATED,
    ADL,
    DELIVERED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
