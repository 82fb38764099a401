package com.ytrader.positionmanager.query.health;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/** {@code GET /health} in the spec's shape (§4.5); {@code positions_count} is null while the database is down. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record HealthResponse(String status, String service, boolean databaseConnected, boolean queueConnected,
                      Long positionsCount, Instant timestamp) {
}
