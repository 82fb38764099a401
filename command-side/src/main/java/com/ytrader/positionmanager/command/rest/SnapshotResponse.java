package com.ytrader.positionmanager.command.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.util.UUID;

/** The snapshot just taken, in the field names of {@code position_snapshot_created}. */
record SnapshotResponse(
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("position_id") UUID positionId,
        @JsonUnwrapped PositionState position,
        @JsonProperty("snapshot_timestamp") Instant snapshotTimestamp,
        @JsonProperty("trace_id") String traceId) {

    static SnapshotResponse of(String snapshotId, UUID positionId, PositionState position, Instant takenAt,
                               String traceId) {
        return new SnapshotResponse(snapshotId, positionId, position, takenAt, traceId);
    }
}
