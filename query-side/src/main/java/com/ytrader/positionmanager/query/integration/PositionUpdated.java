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
 * The integration event {@code position_updated}, queue {@code position-manager.position_updated}: the position's
 * figures ({@link PositionFields}, as in the REST API) and features after a change.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionUpdated(
        String eventType,
        UUID positionId,
        String asset,
        PositionMode mode,
        @JsonUnwrapped PositionFields fields,
        BigDecimal unrealizedPnlPct,
        Long timeHeldMinutes,
        BigDecimal positionSizeNorm,
        String updateSource,
        String traceId,
        Instant timestamp) {

    public static final String QUEUE = "position-manager.position_updated";
}
