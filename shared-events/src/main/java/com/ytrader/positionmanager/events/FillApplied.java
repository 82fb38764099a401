package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An execution changed the size of a position.
 *
 * @param positionIdx  0 in one-way mode, 1 (long leg) or 2 (short leg) in hedge mode
 * @param sizeDelta    signed change of the net size
 * @param realizedPnl  PnL this fill realized, net of its fee
 * @param position     the position right after the fill
 */
@Revision("1")
public record FillApplied(
        String positionId,
        String asset,
        PositionMode mode,
        int positionIdx,
        String fillId,
        String orderId,
        Side side,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal fee,
        Instant executedAt,
        FillRelationship relationship,
        BigDecimal sizeDelta,
        BigDecimal realizedPnl,
        PositionFigures position) implements PositionEvent, CarriesPositionFigures {

    @Override
    public Instant occurredAt() {
        return executedAt;
    }
}
