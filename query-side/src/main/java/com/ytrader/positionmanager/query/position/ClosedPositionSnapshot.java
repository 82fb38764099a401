package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.PositionMode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The {@code snapshot_data} of the snapshot kept when a lifecycle ends flat: the position as it stood and the
 * figures of the lifecycle that ended (its PnL net of fees and funding, peak size, exit price, fill count).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ClosedPositionSnapshot(
        String reason,
        String asset,
        PositionMode mode,
        BigDecimal size,
        BigDecimal averageEntryPrice,
        BigDecimal currentPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal longSize,
        BigDecimal shortSize,
        long version,
        int lifecycle,
        Instant openedAt,
        Instant closedAt,
        BigDecimal lifecycleRealizedPnl,
        BigDecimal lifecycleFees,
        BigDecimal peakSize,
        BigDecimal averageExitPrice,
        long fillCount) {

    static ClosedPositionSnapshot of(PositionRow position, LifecycleFigures lifecycle, long version) {
        return new ClosedPositionSnapshot("position_closed", position.asset(), position.mode(), position.size(),
                position.averageEntryPrice(), position.currentPrice(), position.unrealizedPnl(),
                position.realizedPnl(), position.longSize(), position.shortSize(), version, lifecycle.number(),
                lifecycle.openedAt(), lifecycle.closedAt(), lifecycle.realizedPnl(), lifecycle.fees(),
                lifecycle.peakSize(), lifecycle.averageExitPrice(), lifecycle.fillCount());
    }
}
