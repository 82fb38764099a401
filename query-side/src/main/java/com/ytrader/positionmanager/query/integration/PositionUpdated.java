package com.ytrader.positionmanager.query.integration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;

/**
 * The integration event {@code position_updated}, queue {@code position-manager.position_updated}: the position's
 * figures (named as in the REST API) and features after a change.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionUpdated(
        String eventType,
        UUID positionId,
        String asset,
        BigDecimal size,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        PositionMode mode,
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
        BigDecimal unrealizedPnlPct,
        Long timeHeldMinutes,
        BigDecimal positionSizeNorm,
        String updateSource,
        String traceId,
        Instant timestamp) {

    public static final String QUEUE = "position-manager.position_updated";
}
