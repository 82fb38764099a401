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
 * @param seq          the exchange's cross sequence of the execution, null when the message had none
 * @param feeCurrency  the currency the fee was paid in; a fee outside the settle currency is not in realized PnL
 * @param closeReason  set when the exchange moved the position without our order (liquidation, ADL, delivery)
 * @param covered      whether the exchange's latest report already contains this execution (its PnL is then in
 *                     the report's {@code cumRealisedPnl} and is not added again)
 * @param order        how much of its order the position has counted after this fill
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
        Long seq,
        String feeCurrency,
        CloseReason closeReason,
        boolean covered,
        OrderProgress order,
        PositionFigures position) implements PositionEvent, CarriesPositionFigures, RecordsExecution {

    @Override
    public Instant occurredAt() {
        return executedAt;
    }
}
