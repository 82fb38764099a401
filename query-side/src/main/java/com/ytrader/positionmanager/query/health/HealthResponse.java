package com.ytrader.positionmanager.query.health;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: its fields ({@code positions_count} is null while the database is down) and
 * {@code dead_letters}, the events parked per processing group, and {@code stuck_processors}, the processor segments
 * whose token stands still with events beyond it ({@code read-models[2]}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record HealthResponse(String status, String service, boolean databaseConnected, boolean queueConnected,
                      Long positionsCount, Map<String, Long> deadLetters, List<String> stuckProcessors,
                      Instant timestamp) {
}
