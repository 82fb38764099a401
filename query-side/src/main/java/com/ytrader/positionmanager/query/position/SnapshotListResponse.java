package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.PositionMode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of a position's snapshots, newest first. */
public record SnapshotListResponse(List<Snapshot> snapshots, int count, int limit, int offset) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Snapshot(UUID id, UUID positionId, String asset, PositionMode mode, JsonNode snapshotData,
                           Instant createdAt) {
    }

    public static SnapshotListResponse of(List<PositionSnapshotRow> rows, int limit, int offset) {
        List<Snapshot> snapshots = rows.stream().map(row -> new Snapshot(row.id(), row.positionId(), row.asset(),
                row.mode(), row.snapshotData(), row.createdAt())).toList();
        return new SnapshotListResponse(snapshots, snapshots.size(), limit, offset);
    }
}
