package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;

/** The wire names of sides and modes; an unknown one is bad input, not a programming error. */
final class WireEnums {

    private WireEnums() {
    }

    static Side side(String wireName) {
        try {
            return Side.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            throw new BadMessageException(e.getMessage());
        }
    }

    /** The named mode; without one, hedge when the message names a hedge leg (1 or 2), else one-way. */
    static PositionMode mode(String wireName, Integer positionIdx) {
        if (wireName == null) {
            return positionIdx != null && (positionIdx == 1 || positionIdx == 2)
                    ? PositionMode.HEDGE : PositionMode.ONE_WAY;
        }
        try {
            return PositionMode.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            throw new BadMessageException(e.getMessage());
        }
    }
}
