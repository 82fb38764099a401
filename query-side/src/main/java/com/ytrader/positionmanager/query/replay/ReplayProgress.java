package com.ytrader.positionmanager.query.replay;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild of the read models stands.
 *
 * @param status        {@code idle} (none since start), {@code running}, {@code completed} or {@code failed}
 * @param eventsTotal   the global index of the last event in the store when the replay started
 * @param eventsDone    the global index every replayed processor has passed (the slowest segment's position)
 * @param eventsPerSecond average since the start
 * @param etaSeconds    at that rate; null when unknown
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplayProgress(
        String status,
        List<String> processors,
        long eventsTotal,
        long eventsDone,
        double eventsPerSecond,
        Long etaSeconds,
        Instant startedAt,
        Instant finishedAt,
        String error) {
}
