package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.MlFeatures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;

/**
 * A position as the REST API shows it: its figures (as in {@link PositionRow}: the hedge legs, the exchange's own
 * figures, the fees) and its ML features.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionResponse(
        UUID id,
        String asset,
        BigDecimal size,
        BigDecimal averageEntryPrice,
        BigDecimal currentPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        PositionMode mode,
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
        BigDecimal unrealizedPnlPct,
        Long timeHeldMinutes,
        BigDecimal positionSizeNorm,
        long version,
        Instant createdAt,
        Instant openedAt,
        Instant lastUpdated,
        Instant closedAt,
        Instant lastSnapshotAt) {

    public static PositionResponse of(PositionRow row, MlFeatures features) {
        return new PositionResponse(row.id(), row.asset(), row.size(), row.averageEntryPrice(), row.currentPrice(),
                row.unrealizedPnl(), row.realizedPnl(), row.mode(), row.longSize(), row.shortSize(),
                row.longEntryPrice(), row.shortEntryPrice(), row.longRealizedPnl(), row.shortRealizedPnl(),
                row.exchangeSize(), row.exchangeRealizedPnl(), row.exchangeSeq(), row.totalFees(),
                row.feesByCurrency(), row.closeReason(), features.unrealizedPnlPct(), features.timeHeldMinutes(),
                features.positionSizeNorm(), row.version(), row.createdAt(), row.openedAt(), row.lastUpdated(),
                row.closedAt(), row.lastSnapshotAt());
    }
}
