package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Validation set a leg to what the exchange last reported: history is not rewritten, the correction is
 * appended with what it changed and why.
 */
@Revision("1")
public record PositionCorrected(
        String positionId,
        String asset,
        PositionMode mode,
        int positionIdx,
        BigDecimal previousSize,
        BigDecimal correctedSize,
        BigDecimal previousEntryPrice,
        BigDecimal correctedEntryPrice,
        String reason,
        Long exchangeSeq,
        Instant correctedAt,
        PositionFigures position) implements PositionEvent, CarriesPositionFigures {

    @Override
    public Instant occurredAt() {
        return correctedAt;
    }
}
