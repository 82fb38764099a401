package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An aged leg became flat: by the close the service asked for ({@code closeReason} set), or otherwise.
 *
 * @param closePrice       the price of the execution that flattened the leg
 * @param actualPnlPercent {@code (closePrice - entry) / entry * 100}, negated for a short
 */
@Revision("1")
public record AgedPositionClosed(
        String positionId,
        String asset,
        PositionMode mode,
        int lifecycle,
        int positionIdx,
        String agedId,
        AgedPhase from,
        BigDecimal closePrice,
        BigDecimal actualPnlPercent,
        AgedCloseReason closeReason,
        int closeAttempts,
        Instant detectedAt,
        Instant closedAt) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return closedAt;
    }
}
