package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code position_snapshots}: the snapshots asked for (API, scheduler) and one per closed lifecycle. It runs
 * in the read models' processing group, in the same batch as the event that closed the position, so the row it
 * copies for a closed lifecycle is the state right after that event (the mark in the live row is
 * {@link PositionProjection}'s).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class PositionSnapshotProjection {

    private final PositionWrites positions;
    private final PositionSnapshotRepository snapshots;
    private final SnapshotRetention retention;

    PositionSnapshotProjection(PositionWrites positions, PositionSnapshotRepository snapshots,
                               SnapshotRetention retention) {
        this.positions = positions;
        this.snapshots = snapshots;
        this.retention = retention;
    }

    @EventHandler
    void on(PositionClosed event, @SequenceNumber long sequence) {
        positions.find(event.positionId()).ifPresent(position -> {
            if (retention.keeps(event.lifecycle().closedAt())) {
                snapshots.insert(PositionIds.of(event.positionId(), "event:" + sequence), position.id(),
                        position.asset(), position.mode(), SnapshotData.closed(position, event.lifecycle(), sequence),
                        event.lifecycle().closedAt());
            }
        });
    }

    @EventHandler
    void on(PositionSnapshotTaken event, @SequenceNumber long sequence) {
        if (retention.keeps(event.takenAt())) {
            snapshots.insert(PositionIds.snapshot(event.positionId(), event.snapshotId()),
                    PositionIds.of(event.positionId()), event.asset(), event.mode(),
                    SnapshotData.taken(event.positionId(), event.asset(), event.mode(), event.position(),
                            event.takenAt(), sequence),
                    event.takenAt());
        }
    }

    @ResetHandler
    void reset() {
        snapshots.deleteAll();
    }
}
