package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The position was compared with the exchange's last report of each leg.
 *
 * @param valid     every reported leg size is within {@code POSITION_MANAGER_SIZE_VALIDATION_THRESHOLD}
 * @param corrected the differences were fixed by the {@link PositionCorrected} events before this one
 * @param message   what differed, null when valid
 */
@Revision("1")
public record PositionValidated(
        String positionId,
        String asset,
        PositionMode mode,
        boolean valid,
        boolean corrected,
        String message,
        Instant validatedAt) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return validatedAt;
    }
}
