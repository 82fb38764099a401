package com.ytrader.positionmanager.query.integration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.PositionMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The integration event of spec §6.3, queue {@code position-manager.position_snapshot_created}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionSnapshotCreated(
        String eventType,
        UUID snapshotId,
        UUID positionId,
        String asset,
        BigDecimal size,
        BigDecimal averageEntryPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        PositionMode mode,
        BigDecimal longSize,
        BigDecimal shortSize,
        BigDecimal unrealizedPnlPct,
        Long timeHeldMinutes,
        BigDecimal positionSizeNorm,
        Instant snapshotTimestamp,
        String traceId,
        Instant timestamp) {

    public static final String QUEUE = "position-manager.position_snapshot_created";
}
