package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A confirmed size discrepancy: the exchange's size differs from our size over the executions its report covers by
 * more than {@code POSITION_MANAGER_SIZE_VALIDATION_THRESHOLD}, and no execution arrived to explain it within
 * {@code POSITION_MANAGER_RECONCILE_GRACE} (or a report that much newer still shows it). The size is not changed;
 * validation should follow.
 *
 * @param recordedSize our size over the executions the report covers
 * @param confirmedBy  {@code grace_elapsed}, {@code newer_report} or {@code validation}
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
        Instant updatedTime,
        String confirmedBy) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return updatedTime;
    }
}
