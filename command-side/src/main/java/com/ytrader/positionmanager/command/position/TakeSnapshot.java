package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Take a snapshot of an existing position as it stands now. */
public record TakeSnapshot(@TargetAggregateIdentifier String positionId, String snapshotId, Instant takenAt) {

    public static TakeSnapshot of(String asset, PositionMode mode, String snapshotId, Instant takenAt) {
        return new TakeSnapshot(PositionId.of(asset, mode), snapshotId, takenAt);
    }
}
