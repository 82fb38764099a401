package com.ytrader.positionmanager.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.api.PositionFields;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.position.PositionRow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of a position's audit trail, oldest first. {@code next_cursor} continues after the last entry; it stays
 * valid while events are appended (it names a sequence number), so polling with it also picks up new changes.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HistoryResponse(
        String asset,
        PositionMode mode,
        List<Entry> changes,
        int limit,
        boolean hasMore,
        String nextCursor) {

    /** One change: the event, who caused it, and the position before and after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Entry(
            String eventType,
            long sequenceNumber,
            long globalIndex,
            String eventIdentifier,
            Instant timestamp,
            Instant effectiveTime,
            Instant recordedTime,
            Instant knownTime,
            String source,
            String traceId,
            String messageId,
            String fillId,
            String orderId,
            @JsonRawValue String event,
            Fields before,
            Fields after,
            String hash,
            String previousHash) {
    }

    /** The position's fields, named as in the positions response; null before the position had figures. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Fields(
            UUID id,
            @JsonUnwrapped PositionFields fields,
            long version,
            Instant createdAt,
            Instant openedAt,
            Instant lastUpdated,
            Instant closedAt,
            Instant lastSnapshotAt) {

        static Fields of(PositionRow row) {
            return row == null ? null : new Fields(row.id(), row.fields(), row.version(), row.createdAt(),
                    row.openedAt(), row.lastUpdated(), row.closedAt(), row.lastSnapshotAt());
        }
    }
}
