package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.events.PositionMode;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code position_snapshots}: the full state of a position at {@code createdAt}. */
public record PositionSnapshotRow(
        UUID id, UUID positionId, String asset, PositionMode mode, JsonNode snapshotData, Instant createdAt) {
}
