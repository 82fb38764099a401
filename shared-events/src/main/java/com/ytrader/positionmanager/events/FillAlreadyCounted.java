package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An execution of an order whose cumulative state (on {@code order-manager.order_events}) had already counted it:
 * the position is unchanged, the order's progress is recorded so that a restart counts the order the same way.
 */
@Revision("1")
public record FillAlreadyCounted(
        String positionId,
        String asset,
        PositionMode mode,
        int positionIdx,
        String fillId,
        String orderId,
        BigDecimal quantity,
        BigDecimal price,
        Instant executedAt,
        OrderProgress order) implements PositionEvent, RecordsExecution {

    @Override
    public Instant occurredAt() {
        return executedAt;
    }
}
