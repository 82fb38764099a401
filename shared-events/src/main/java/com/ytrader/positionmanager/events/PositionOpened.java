package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A flat position became non-flat: lifecycle {@code lifecycle} starts at {@code openedAt}. */
@Revision("1")
public record PositionOpened(String positionId, String asset, PositionMode mode, int lifecycle, Instant openedAt) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return openedAt;
    }
}
