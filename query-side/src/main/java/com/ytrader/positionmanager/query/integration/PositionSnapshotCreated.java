package com.ytrader.positionmanager.query.integration;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.api.PositionFields;
import com.ytrader.positionmanager.events.PositionMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The integration event {@code position_snapshot_created}, queue {@code position-manager.position_snapshot_created}:
 * the position's figures (named as in the REST API) as the snapshot took them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionSnapshotCreated(
        String eventType,
        UUID snapshotId,
        UUID positionId,
        String asset,
        PositionMode mode,
        @JsonUnwrapped PositionFields fields,
        BigDecimal unrealizedPnlPct,
        Long timeHeldMinutes,
        BigDecimal positionSizeNorm,
        Instant snapshotTimestamp,
        String traceId,
        Instant timestamp) {

    public static final String QUEUE = "position-manager.position_snapshot_created";
}
