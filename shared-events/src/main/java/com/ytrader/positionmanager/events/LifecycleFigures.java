package com.ytrader.positionmanager.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One lifecycle of a position: from the fill that opened it from flat to the fill that made it flat again.
 * Number 0 is the lifecycle of a position that has never been open.
 *
 * @param peakSize      largest gross size (sum of the legs' absolute sizes) reached
 * @param exitQuantity  quantity closed so far
 * @param exitNotional  {@code sum(closed quantity * fill price)}
 * @param realizedPnl   PnL realized in this lifecycle, net of its fees and funding
 * @param fees          fees paid in this lifecycle
 * @param closeReason   why the exchange closed it without our order (liquidation, ADL, delivery); null otherwise
 */
public record LifecycleFigures(
        int number,
        Instant openedAt,
        Instant closedAt,
        BigDecimal peakSize,
        BigDecimal exitQuantity,
        BigDecimal exitNotional,
        BigDecimal realizedPnl,
        BigDecimal fees,
        long fillCount,
        CloseReason closeReason) {

    public static LifecycleFigures none() {
        return new LifecycleFigures(0, null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, 0, null);
    }

    /** The quantity-weighted price of the closing fills, null before anything was closed. */
    public BigDecimal averageExitPrice() {
        return exitQuantity.signum() == 0 ? null
                : exitNotional.divide(exitQuantity, PositionFigures.PRICE_SCALE, RoundingMode.HALF_EVEN);
    }
}
