package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A lifecycle ended flat: the closed-position snapshot that history keeps per lifecycle (its realized PnL,
 * fees with a flip's fee split in proportion, peak size, average exit price, fill count, open and close times).
 */
@Revision("1")
public record PositionClosed(String positionId, String asset, PositionMode mode, LifecycleFigures lifecycle) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return lifecycle.closedAt();
    }
}
