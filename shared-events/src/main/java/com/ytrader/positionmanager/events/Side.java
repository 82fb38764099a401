package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Arrays;

/** The side of an execution as Bybit names it. */
public enum Side {
    BUY("Buy"),
    SELL("Sell");

    private final String wireName;

    Side(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The signed quantity this side adds to a net position: buys add, sells subtract. */
    public BigDecimal signed(BigDecimal quantity) {
        return this == BUY ? quantity : quantity.negate();
    }

    @JsonCreator
    public static Side fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(side -> side.wireName.equalsIgnoreCase(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown side '" + wireName + "': expected Buy or Sell"));
    }
}
