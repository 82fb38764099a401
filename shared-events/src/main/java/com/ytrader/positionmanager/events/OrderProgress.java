package com.ytrader.positionmanager.events;

import java.math.BigDecimal;

/**
 * How much of one order a position has counted. An order manager may report an order twice: execution by
 * execution ({@code order-manager.order_executed}) and as its cumulative state ({@code order-manager.order_events}).
 * The order contributes the larger of the two, so a fill seen on both queues counts once, in either order.
 *
 * @param executed what the order's executions add up to
 * @param state    the order's latest cumulative state
 * @param applied  what the position has applied of the order: the larger of the two, once it was reached
 */
public record OrderProgress(OrderAmounts executed, OrderAmounts state, OrderAmounts applied) {

    public static OrderProgress none() {
        return new OrderProgress(OrderAmounts.ZERO, OrderAmounts.ZERO, OrderAmounts.ZERO);
    }

    /** What the order should have contributed: the larger of its two reports. */
    public OrderAmounts target() {
        return executed.quantity().compareTo(state.quantity()) >= 0 ? executed : state;
    }

    /** Quantity, notional ({@code sum(quantity * price)}) and fees of (part of) an order. */
    public record OrderAmounts(BigDecimal quantity, BigDecimal notional, BigDecimal fees) {

        public static final OrderAmounts ZERO = new OrderAmounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public OrderAmounts plus(BigDecimal addedQuantity, BigDecimal price, BigDecimal fee) {
            return new OrderAmounts(quantity.add(addedQuantity), notional.add(addedQuantity.multiply(price)),
                    fees.add(fee));
        }

        public OrderAmounts minus(OrderAmounts other) {
            return new OrderAmounts(quantity.subtract(other.quantity), notional.subtract(other.notional),
                    fees.subtract(other.fees));
        }
    }
}
