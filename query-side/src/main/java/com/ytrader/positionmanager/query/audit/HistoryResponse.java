package com.ytrader.positionmanager.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.position.PositionRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
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
            BigDecimal size,
            BigDecimal averageEntryPrice,
            BigDecimal currentPrice,
            BigDecimal unrealizedPnl,
            BigDecimal realizedPnl,
            BigDecimal longSize,
            BigDecimal shortSize,
            BigDecimal longEntryPrice,
            BigDecimal shortEntryPrice,
            BigDecimal longRealizedPnl,
            BigDecimal shortRealizedPnl,
            BigDecimal exchangeSize,
            BigDecimal exchangeRealizedPnl,
            Long exchangeSeq,
            BigDecimal totalFees,
            SortedMap<String, BigDecimal> feesByCurrency,
            CloseReason closeReason,
            long version,
            Instant createdAt,
            Instant openedAt,
            Instant lastUpdated,
            Instant closedAt,
            Instant lastSnapshotAt) {

        static Fields of(PositionRow row) {
            return row == null ? null : new Fields(row.id(), row.size(), row.averageEntryPrice(), row.currentPrice(),
                    row.unrealizedPnl(), row.realizedPnl(), row.longSize(), row.shortSize(), row.longEntryPrice(),
                    row.shortEntryPrice(), row.longRealizedPnl(), row.shortRealizedPnl(), row.exchangeSize(),
                    row.exchangeRealizedPnl(), row.exchangeSeq(), row.totalFees(), row.feesByCurrency(),
                    row.closeReason(), row.version(), row.createdAt(), row.openedAt(), row.lastUpdated(),
                    row.closedAt(), row.lastSnapshotAt());
        }
    }
}
