package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A flat position became non-flat: lifecycle {@code lifecycle} starts at {@code openedAt}.
 *
 * @param openLegs the legs that opened, as the change that opened them left them (empty in events recorded before
 *                 they were carried)
 */
@Revision("1")
public record PositionOpened(String positionId, String asset, PositionMode mode, int lifecycle, Instant openedAt,
                             List<LegFigures> openLegs) implements PositionEvent {

    public PositionOpened {
        openLegs = openLegs == null ? List.of() : List.copyOf(openLegs);
    }

    @Override
    public Instant occurredAt() {
        return openedAt;
    }
}
