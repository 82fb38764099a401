package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An execution was linked to its position without changing it: with
 * {@code POSITION_MANAGER_SIZE_SOURCE=exchange} the exchange's reports own the size, fills only link orders.
 */
@Revision("1")
public record FillLinked(
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
        FillRelationship relationship) implements PositionEvent, RecordsExecution {

    @Override
    public Instant occurredAt() {
        return executedAt;
    }
}
