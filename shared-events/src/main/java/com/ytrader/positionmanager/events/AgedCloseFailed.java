package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** No closing fill came after the last close request an aged leg was allowed: the leg is in {@code error}. */
@Revision("1")
public record AgedCloseFailed(
        String positionId,
        String asset,
        PositionMode mode,
        int lifecycle,
        int positionIdx,
        String agedId,
        AgedPhase from,
        int attempts,
        String lastRequestId,
        String traceId,
        Instant at) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return at;
    }
}
