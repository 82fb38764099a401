package com.ytrader.positionmanager.events;

import java.math.BigDecimal;

/**
 * One leg of a position: the whole position in one-way mode ({@code positionIdx} 0), the long leg (1) or
 * the short leg (2) in hedge mode.
 *
 * @param size              signed: positive long, negative short, zero flat
 * @param averageEntryPrice null while the leg is flat
 * @param realizedPnl       the exchange's latest {@code cumRealisedPnl} plus what the executions it does not cover
 *                          realized; our own sum of the executions while the exchange has reported none
 * @param exchange          the exchange's latest report of the leg, null before the first
 */
public record LegFigures(
        int positionIdx,
        BigDecimal size,
        BigDecimal averageEntryPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        ExchangeFigures exchange) {

    public LegFigures(int positionIdx, BigDecimal size, BigDecimal averageEntryPrice, BigDecimal unrealizedPnl,
                      BigDecimal realizedPnl) {
        this(positionIdx, size, averageEntryPrice, unrealizedPnl, realizedPnl, null);
    }

    public static LegFigures flat(int positionIdx) {
        return new LegFigures(positionIdx, BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO, null);
    }

    public boolean open() {
        return size.signum() != 0;
    }

    /** {@code |size| * averageEntryPrice}: what the open quantity cost. */
    public BigDecimal entryNotional() {
        return open() ? size.abs().multiply(averageEntryPrice) : BigDecimal.ZERO;
    }

    public LegFigures with(BigDecimal newSize, BigDecimal newEntry, BigDecimal newUnrealized, BigDecimal newRealized) {
        return new LegFigures(positionIdx, newSize, newEntry, newUnrealized, newRealized, exchange);
    }

    public LegFigures withExchange(ExchangeFigures report) {
        return new LegFigures(positionIdx, size, averageEntryPrice, unrealizedPnl, realizedPnl, report);
    }
}
