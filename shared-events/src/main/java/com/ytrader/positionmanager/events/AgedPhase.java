package com.ytrader.positionmanager.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an aged position stands (README, "Aged positions"): {@code detected} when it outlived the maximum age,
 * {@code grace_pending} while the breakeven target waits for a first price, {@code grace_active} while the price is
 * watched against it, {@code progressive_active} once the grace period is over and the accepted loss grows,
 * {@code closed} when the lifecycle ended, {@code error} when the close requests went unanswered.
 */
public enum AgedPhase {
    DETECTED,
    GRACE_PENDING,
    GRACE_ACTIVE,
    PROGRESSIVE_ACTIVE,
    CLOSED,
    ERROR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name; anything else is bad input. */
    @JsonCreator
    public static AgedPhase fromWireName(String wireName) {
        return Arrays.stream(values()).filter(phase -> phase.wireName().equalsIgnoreCase(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown aged phase '" + wireName + "': expected one of "
                        + Arrays.stream(values()).map(AgedPhase::wireName).toList()));
    }
}
