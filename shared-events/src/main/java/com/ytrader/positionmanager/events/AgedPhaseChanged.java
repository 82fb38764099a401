package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An aged leg moved to a phase, or its target moved within the progressive phase as time passed.
 *
 * @param agedId                the aged entry: one per leg and lifecycle ({@link AgedEntries#id})
 * @param from                  null for the detection
 * @param markPrice             the last mark price known then, null before any
 * @param targetPrice           the price the leg is closed at from now on (with the buffer), null while detected
 * @param lossTolerancePercent  the loss accepted below (long) or above (short) the entry price, in percent
 * @param breakevenPrice        the entry price plus the commission of a round trip
 * @param reason                why, in words
 */
@Revision("1")
public record AgedPhaseChanged(
        String positionId,
        String asset,
        PositionMode mode,
        int lifecycle,
        int positionIdx,
        String agedId,
        AgedPhase from,
        AgedPhase to,
        Side side,
        BigDecimal entryPrice,
        BigDecimal markPrice,
        BigDecimal targetPrice,
        BigDecimal lossTolerancePercent,
        BigDecimal breakevenPrice,
        String reason,
        Instant at) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return at;
    }
}
