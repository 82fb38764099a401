package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Which rule asked to close an aged position (README, "Aged positions"). */
public enum AgedCloseReason {
    /** in profit when detected, or at any later price */
    AGED_PROFIT,
    /** the breakeven target was reached during the grace period */
    AGED_BREAKEVEN,
    /** the target with the loss tolerance of the time was reached after the grace period */
    AGED_PROGRESSIVE,
    /** the loss tolerance reached its maximum: closed at market whatever the price */
    AGED_MAX_LOSS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
