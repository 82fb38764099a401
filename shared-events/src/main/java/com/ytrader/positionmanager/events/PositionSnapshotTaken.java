package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A snapshot of the position was asked for (manually through the API, or by the periodic scheduler) and
 * taken: the figures as they stood at {@code takenAt}. Being an event, every snapshot is in the audit trail.
 */
@Revision("1")
public record PositionSnapshotTaken(
        String positionId,
        String asset,
        PositionMode mode,
        String snapshotId,
        Instant takenAt,
        PositionFigures position) implements PositionEvent, CarriesPositionFigures {

    @Override
    public Instant occurredAt() {
        return takenAt;
    }
}
