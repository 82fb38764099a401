package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Apply one execution that moves the position: a trade, or an exchange's own move (liquidation, ADL, delivery).
 *
 * @param fillId      the exchange's {@code execId}; or, without one, {@code orderId + ":" + cumulative quantity}
 * @param positionIdx 0 or null in one-way mode; 1 (long leg) or 2 (short leg), required, in hedge mode
 * @param fee         fee paid, negative for a rebate
 * @param seq         the exchange's cross sequence of the execution, null when unknown
 * @param feeCurrency the currency of the fee, null for the settle currency
 * @param closeReason set when the exchange moved the position without our order
 */
public record ApplyFill(
        @TargetAggregateIdentifier String positionId,
        String asset,
        PositionMode mode,
        Integer positionIdx,
        String fillId,
        String orderId,
        Side side,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal fee,
        Instant executedAt,
        Long seq,
        String feeCurrency,
        CloseReason closeReason) {

    public static ApplyFill of(String asset, PositionMode mode, Integer positionIdx, String fillId, String orderId,
                               Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant executedAt) {
        return of(asset, mode, positionIdx, fillId, orderId, side, quantity, price, fee, executedAt, null, null, null);
    }

    public static ApplyFill of(String asset, PositionMode mode, Integer positionIdx, String fillId, String orderId,
                               Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant executedAt,
                               Long seq, String feeCurrency, CloseReason closeReason) {
        return new ApplyFill(PositionId.of(asset, mode), asset, mode, positionIdx, fillId, orderId, side, quantity,
                price, fee, executedAt, seq, feeCurrency, closeReason);
    }

    ExecutionStamp stamp() {
        return new ExecutionStamp(seq, executedAt);
    }
}
