package com.ytrader.positionmanager.query.integration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.PositionMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The integration event of spec §6.1, queue {@code position-manager.position_updated}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionUpdated(
        String eventType,
        UUID positionId,
        String asset,
        BigDecimal size,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        PositionMode mode,
        BigDecimal unrealizedPnlPct,
        Long timeHeldMinutes,
        BigDecimal positionSizeNorm,
        String updateSource,
        String traceId,
        Instant timestamp) {

    public static final String QUEUE = "position-manager.position_updated";
}
