package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.events.PositionMode;

import java.time.Instant;

/**
 * One row of {@code position_timeline} as the projection writes it: the event, its metadata and the state after it.
 *
 * @param globalIndex the position its tracking token gives; the repository writes the store's own (they differ for
 *                    an event that filled a gap), this one only when the store does not hold the event
 */
record TimelineRow(
        TimelineHead head,
        String asset,
        PositionMode mode,
        long globalIndex,
        String eventType,
        String eventIdentifier,
        Instant businessTime,
        Instant recordedTime,
        String source,
        String traceId,
        String messageId,
        String fillId,
        String orderId,
        String previousHash) {
}
