package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.MlFeatures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A position as the spec's REST API shows it (§4.1), with its ML features (§3.4.2). */
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
                features.unrealizedPnlPct(), features.timeHeldMinutes(), features.positionSizeNorm(), row.version(),
                row.createdAt(), row.openedAt(), row.lastUpdated(), row.closedAt(), row.lastSnapshotAt());
    }
}
