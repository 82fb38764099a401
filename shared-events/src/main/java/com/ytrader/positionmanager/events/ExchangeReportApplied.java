package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The exchange's position report was applied under the conflict rules: PnL and mark price always,
 * the entry price when it differs beyond the threshold, the size only when the exchange owns the size.
 *
 * @param reportedSize       the leg's signed size as the exchange reported it
 * @param reportedEntryPrice {@code avgPrice} or {@code entryPrice} of the report, null when absent
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
        PositionFigures position) implements PositionEvent, CarriesPositionFigures {

    @Override
    public Instant occurredAt() {
        return updatedTime;
    }
}
