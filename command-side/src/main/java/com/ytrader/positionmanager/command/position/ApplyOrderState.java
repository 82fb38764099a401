package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order's cumulative state ({@code order-manager.order_events}): the position applies the increment since what
 * it has counted of the order; a repeated or older state changes nothing.
 *
 * @param filledQuantity the order's cumulative filled quantity
 * @param averagePrice   the order's average execution price
 * @param fees           the order's cumulative fees
 */
public record ApplyOrderState(
        @TargetAggregateIdentifier String positionId,
        String asset,
        PositionMode mode,
        Integer positionIdx,
        String orderId,
        Side side,
        BigDecimal filledQuantity,
        BigDecimal averagePrice,
        BigDecimal fees,
        Instant executedAt) {

    public static ApplyOrderState of(String asset, PositionMode mode, Integer positionIdx, String orderId, Side side,
                                     BigDecimal filledQuantity, BigDecimal averagePrice, BigDecimal fees,
                                     Instant executedAt) {
        return new ApplyOrderState(PositionId.of(asset, mode), asset, mode, positionIdx, orderId, side,
                filledQuantity, averagePrice, fees, executedAt);
    }

    /** The fill id of the increment this state brings: the order and its cumulative quantity. */
    String fillId() {
        return orderId + ":" + filledQuantity.stripTrailingZeros().toPlainString();
    }
}
