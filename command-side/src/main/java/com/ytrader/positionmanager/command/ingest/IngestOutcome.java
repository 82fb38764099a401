package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.position.FillResult;

import java.util.Locale;

/** What became of one inbound message; the {@code outcome} tag of the ingest counter. */
enum IngestOutcome {
    APPLIED,
    DUPLICATE,
    LINKED,
    /** An order event that changes no position (new, cancelled, ...). */
    IGNORED,
    DEAD_LETTERED;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A message's outcome from its commands' results: a fill's result, or applied for exchange reports. */
    static IngestOutcome of(java.util.List<Object> results) {
        if (results.isEmpty()) {
            return IGNORED;
        }
        Object first = results.get(0);
        if (first instanceof FillResult fill) {
            return switch (fill) {
                case APPLIED -> APPLIED;
                case DUPLICATE -> DUPLICATE;
                case LINKED -> LINKED;
            };
        }
        return APPLIED;
    }
}
