package com.ytrader.positionmanager.events;

import java.math.BigDecimal;

/**
 * One leg of a position: the whole position in one-way mode ({@code positionIdx} 0), the long leg (1) or
 * the short leg (2) in hedge mode.
 *
 * @param size              signed: positive long, negative short, zero flat
 * @param averageEntryPrice null while the leg is flat
 */
public record LegFigures(
        int positionIdx,
        BigDecimal size,
        BigDecimal averageEntryPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl) {

    public static LegFigures flat(int positionIdx) {
        return new LegFigures(positionIdx, BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public boolean open() {
        return size.signum() != 0;
    }

    /** {@code |size| * averageEntryPrice}: what the open quantity cost. */
    public BigDecimal entryNotional() {
        return open() ? size.abs().multiply(averageEntryPrice) : BigDecimal.ZERO;
    }
}
