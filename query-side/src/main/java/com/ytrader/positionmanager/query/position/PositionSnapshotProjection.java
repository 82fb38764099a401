package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionClosed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps a snapshot of each closed lifecycle. It runs in the positions processing group, in the same batch as
 * the fill or report that closed the position, so the row it copies is the state right after that event.
 */
@Component
@ProcessingGroup(PositionProjection.PROCESSING_GROUP)
class PositionSnapshotProjection {

    private final PositionRepository positions;
    private final PositionSnapshotRepository snapshots;

    PositionSnapshotProjection(PositionRepository positions, PositionSnapshotRepository snapshots) {
        this.positions = positions;
        this.snapshots = snapshots;
    }

    @EventHandler
    void on(PositionClosed event, @SequenceNumber long sequence) {
        positions.find(event.positionId()).ifPresent(position -> {
            snapshots.insert(PositionIds.of(event.positionId(), "event:" + sequence), position.id(), position.asset(),
                    position.mode(), ClosedPositionSnapshot.of(position, event.lifecycle(), sequence),
                    event.lifecycle().closedAt());
            positions.recordSnapshot(event.positionId(), event.lifecycle().closedAt(), sequence);
        });
    }
}
