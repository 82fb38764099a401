package com.ytrader.positionmanager.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the exchange last said about a leg, as it said it: kept beside our own figures so that a reader sees both.
 *
 * @param seq         the exchange's cross sequence of the report; -1 for a position never traded
 * @param size        signed
 * @param realizedPnl the exchange's {@code cumRealisedPnl} (all-time), null when the report had none
 * @param risk        the report's leverage, liquidation and break-even prices; null in events stored before they were
 *                    kept
 */
public record ExchangeFigures(
        long seq,
        Instant updatedTime,
        BigDecimal size,
        BigDecimal entryPrice,
        BigDecimal markPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        ExchangeRisk risk) {

    public ExchangeFigures(long seq, Instant updatedTime, BigDecimal size, BigDecimal entryPrice, BigDecimal markPrice,
                           BigDecimal unrealizedPnl, BigDecimal realizedPnl) {
        this(seq, updatedTime, size, entryPrice, markPrice, unrealizedPnl, realizedPnl, null);
    }
}
