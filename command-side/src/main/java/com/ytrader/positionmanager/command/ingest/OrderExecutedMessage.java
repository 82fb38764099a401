package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ApplyFunding;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * One execution reported by the order manager ({@code order-manager.order_executed}; also the body of an
 * execution on {@code order-manager.order_events}). Executions of type {@code Funding}, {@code Settle} or
 * {@code Delivery} are settlements, never fills: they change realized PnL by their fee and leave the size alone.
 */
record OrderExecutedMessage(
        String orderId,
        String asset,
        Side side,
        BigDecimal filledQuantity,
        BigDecimal executionPrice,
        BigDecimal executionFees,
        PositionMode mode,
        Integer positionIdx,
        String execId,
        String execType,
        Instant executedAt,
        String traceId) {

    private static final Set<String> TRADES = Set.of("trade", "adltrade", "busttrade", "blocktrade");
    private static final Set<String> SETTLEMENTS = Set.of("funding", "settle", "delivery");

    static OrderExecutedMessage read(JsonFields fields) {
        String execType = fields.optionalText("exec_type");
        boolean settlement = execType != null && SETTLEMENTS.contains(execType.toLowerCase(Locale.ROOT));
        if (execType != null && !settlement && !TRADES.contains(execType.toLowerCase(Locale.ROOT))) {
            throw new BadMessageException("unknown exec_type '" + execType + "'");
        }
        Integer positionIdx = fields.optionalInteger("position_idx");
        String execId = fields.optionalText("exec_id");
        BigDecimal fees = fields.optionalDecimal("execution_fees");
        return new OrderExecutedMessage(
                fields.requiredText("order_id"),
                fields.requiredText("asset"),
                settlement ? null : WireEnums.side(fields.requiredText("side")),
                settlement ? null : fields.requiredDecimal("filled_quantity"),
                settlement ? null : fields.requiredDecimal("execution_price"),
                fees != null ? fees : fields.optionalDecimal("exec_fee"),
                WireEnums.mode(fields.optionalText("mode"), positionIdx),
                positionIdx,
                execId != null ? execId : fields.optionalText("fill_id"),
                execType,
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
            return ApplyFunding.of(asset, mode, positionIdx, fillId(), executionFees, at);
        }
        return ApplyFill.of(asset, mode, positionIdx, fillId(), orderId, side, filledQuantity, executionPrice,
                executionFees != null ? executionFees : BigDecimal.ZERO, at);
    }
}
