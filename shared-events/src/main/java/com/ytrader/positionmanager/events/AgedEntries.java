package com.ytrader.positionmanager.events;

import java.time.Instant;

/** Identity of an aged entry: one per leg and lifecycle of a position, as a UUID string. */
public final class AgedEntries {

    private AgedEntries() {
    }

    /** {@code legOpenedAt} tells a hedge leg reopened within the lifecycle from its earlier opening. */
    public static String id(String positionId, int lifecycle, int positionIdx, Instant legOpenedAt) {
        return PositionId.uuid(positionId + "#" + lifecycle + "#" + positionIdx + "#" + legOpenedAt).toString();
    }
}
