package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ApplyFunding;
import com.ytrader.positionmanager.command.position.ExecutionType;
import com.ytrader.positionmanager.command.position.InvalidPositionCommandException;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution reported by the order manager ({@code order-manager.order_executed}; with
 * {@code POSITION_MANAGER_ORDER_EVENTS_QUANTITY=execution} also an order event); what its type does:
 * {@link ExecutionType}.
 */
record OrderExecutedMessage(
        String orderId,
        String asset,
        Side side,
        BigDecimal filledQuantity,
        BigDecimal executionPrice,
        BigDecimal executionFees,
        String feeCurrency,
        PositionMode mode,
        Integer positionIdx,
        String execId,
        String execType,
        CloseReason closeReason,
        Long seq,
        Instant executedAt,
        String traceId) {

    static OrderExecutedMessage read(JsonFields fields) {
        String execType = fields.optionalText("exec_type");
        ExecutionType type;
        try {
            type = ExecutionType.of(execType, fields.optionalText("create_type"));
        } catch (InvalidPositionCommandException e) {
            throw new BadMessageException(e.getMessage());
        }
        boolean settlement = type.settlement();
        Integer positionIdx = fields.optionalInteger("position_idx");
        String execId = fields.optionalText("exec_id");
        BigDecimal fees = fields.optionalDecimal("execution_fees");
        Long seq = fields.optionalLong("seq");
        if (seq != null && seq < 0) {
            throw new BadMessageException("seq must not be negative, was " + seq);
        }
        return new OrderExecutedMessage(
                fields.requiredText("order_id"),
                fields.requiredText("asset"),
                settlement ? null : WireEnums.side(fields.requiredText("side")),
                settlement ? null : fields.requiredDecimal("filled_quantity"),
                settlement ? null : fields.requiredDecimal("execution_price"),
                fees != null ? fees : fields.optionalDecimal("exec_fee"),
                fields.optionalText("fee_currency"),
                WireEnums.mode(fields.optionalText("mode"), positionIdx),
                positionIdx,
                execId != null ? execId : fields.optionalText("fill_id"),
                execType,
                type.closeReason(),
                seq,
                fields.optionalInstant("executed_at"),
                fields.optionalText("trace_id"));
    }

    boolean settlement() {
        return side == null;
    }

    /**
     * The execution id; without one, the order id and the filled quantity, which the order manager repeats
     * unchanged when it redelivers.
     */
    String fillId() {
        if (execId != null) {
            return execId;
        }
        if (settlement()) {
            throw new BadMessageException("exec_id (or fill_id) is required for a " + execType + " execution");
        }
        return orderId + ":" + filledQuantity.stripTrailingZeros().toPlainString();
    }

    Object command(Instant receivedAt) {
        Instant at = executedAt != null ? executedAt : receivedAt;
        if (settlement()) {
            if (executionFees == null) {
                throw new BadMessageException("execution_fees is required for a " + execType + " execution");
            }
            return ApplyFunding.of(asset, mode, positionIdx, fillId(), executionFees, at, seq);
        }
        return ApplyFill.of(asset, mode, positionIdx, fillId(), orderId, side, filledQuantity, executionPrice,
                executionFees != null ? executionFees : BigDecimal.ZERO, at, seq, feeCurrency, closeReason);
    }
}
