package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.position.ApplyOrderState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * An order event of {@code order-manager.order_events}: the order manager republishes its order's row, so on an
 * execution ({@code status} filled or partially filled, or no status) {@code filled_quantity} is the order's
 * cumulative quantity, {@code execution_price} its average price and {@code execution_fees} its cumulative fees.
 * Other statuses (new, cancelled, rejected, ...) do not touch a position.
 */
record OrderEventMessage(String status, OrderExecutedMessage execution) {

    private static final Set<String> EXECUTED = Set.of("filled", "partiallyfilled");

    static OrderEventMessage read(JsonFields fields) {
        String status = fields.optionalText("status");
        boolean executed = status == null || EXECUTED.contains(status.replace("_", "").toLowerCase(Locale.ROOT));
        return new OrderEventMessage(status, executed ? OrderExecutedMessage.read(fields) : null);
    }

    boolean executed() {
        return execution != null;
    }

    /** The order's cumulative state as a command: the position applies what it adds to what it has counted. */
    ApplyOrderState orderState(Instant receivedAt) {
        if (execution.settlement()) {
            throw new BadMessageException("an order event cannot be a " + execution.execType() + " execution");
        }
        return ApplyOrderState.of(execution.asset(), execution.mode(), execution.positionIdx(), execution.orderId(),
                execution.side(), execution.filledQuantity(), execution.executionPrice(),
                execution.executionFees() != null ? execution.executionFees() : BigDecimal.ZERO,
                execution.executedAt() != null ? execution.executedAt() : receivedAt);
    }
}
