package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A report not newer than the last applied one for its leg, by {@code (seq, updatedTime)}: recorded, not applied. */
@Revision("1")
public record StaleExchangeReportIgnored(
        String positionId,
        String asset,
        PositionMode mode,
        int positionIdx,
        long seq,
        Instant updatedTime,
        long lastAppliedSeq,
        Instant lastAppliedUpdatedTime) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return updatedTime;
    }
}
