package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The exchange reports a leg size that differs from the size the fills built by more than
 * {@code POSITION_MANAGER_SIZE_VALIDATION_THRESHOLD}; the size is not changed, validation should follow.
 */
@Revision("1")
public record PositionSizeDiscrepancyDetected(
        String positionId,
        String asset,
        PositionMode mode,
        int positionIdx,
        BigDecimal recordedSize,
        BigDecimal reportedSize,
        BigDecimal difference,
        BigDecimal threshold,
        long seq,
        Instant updatedTime) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return updatedTime;
    }
}
