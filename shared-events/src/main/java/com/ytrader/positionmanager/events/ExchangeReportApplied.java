package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The exchange's position report was applied: realized PnL is its {@code cumRealisedPnl} plus what the executions
 * it does not cover realized, unrealized PnL and mark price are its own, the entry price is adopted when the report
 * agrees with our executions in size and differs beyond the threshold in price, the size only when the exchange
 * owns the size.
 *
 * @param reportedSize       the leg's signed size as the exchange reported it
 * @param reportedEntryPrice {@code avgPrice} or {@code entryPrice} of the report, null when absent
 * @param coveredSize        our size over the executions the report covers: what its size is compared with
 * @param discrepancyPendingSince when a size difference the missing executions could still explain was first seen;
 *                           null when the report agrees with the executions it covers
 * @param trailingStop       the report's {@code trailingStop} distance; zero or null when none is active
 */
@Revision("1")
public record ExchangeReportApplied(
        String positionId,
        String asset,
        PositionMode mode,
        int positionIdx,
        long seq,
        Instant updatedTime,
        BigDecimal reportedSize,
        BigDecimal reportedEntryPrice,
        BigDecimal markPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        boolean entryPriceAdopted,
        boolean sizeAdopted,
        BigDecimal coveredSize,
        Instant discrepancyPendingSince,
        PositionFigures position,
        BigDecimal trailingStop) implements PositionEvent, CarriesPositionFigures {

    @Override
    public Instant occurredAt() {
        return updatedTime;
    }
}
