package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Apply one execution of type {@code Trade} to its position.
 *
 * @param fillId      the exchange's {@code execId}; or, without one, {@code orderId + ":" + cumulative quantity}
 * @param positionIdx 0 or null in one-way mode; 1 (long leg) or 2 (short leg), required, in hedge mode
 * @param fee         fee paid in the quote currency, negative for a rebate
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
        Instant executedAt) {

    public static ApplyFill of(String asset, PositionMode mode, Integer positionIdx, String fillId, String orderId,
                               Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant executedAt) {
        return new ApplyFill(PositionId.of(asset, mode), asset, mode, positionIdx, fillId, orderId, side, quantity,
                price, fee, executedAt);
    }
}
