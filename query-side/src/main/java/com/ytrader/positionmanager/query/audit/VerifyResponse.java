package com.ytrader.positionmanager.query.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.PositionMode;

/**
 * The audit chain of a position recomputed from the event store and compared with the recorded links.
 *
 * @param eventsChecked          events whose recomputed link matched, up to the first broken one
 * @param firstBrokenSequenceNumber null when the chain holds
 * @param recordedHash           the recorded link at the first broken sequence number (null if none was recorded)
 * @param recomputedHash         the link recomputed from the store there (null if the event is gone or unreadable)
 * @param eventsNotYetProjected  events in the store that the timeline has not reached yet (not checked)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VerifyResponse(
        String asset,
        PositionMode mode,
        boolean valid,
        long eventsChecked,
        Long firstBrokenSequenceNumber,
        String reason,
        String recordedHash,
        String recomputedHash,
        long eventsNotYetProjected) {
}
