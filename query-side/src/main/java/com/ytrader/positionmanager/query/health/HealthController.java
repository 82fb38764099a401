package com.ytrader.positionmanager.query.health;

import com.ytrader.positionmanager.observability.ProcessorProgress;
import com.ytrader.positionmanager.query.deadletter.DeadLetters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The health check: 503 as soon as the database or the broker cannot be reached, within about
 * {@code position-manager.health.database-timeout} and the broker's connection timeout; {@code degraded} (200) while
 * a processor has parked events, which hold back the positions they belong to, or a processor segment is stuck
 * (its token has not moved for {@code position-manager.processors.stuck-after} while events exist beyond it).
 * Both are asked only of a database that answered the probe, so a database that is down cannot slow the answer.
 */
@RestController
@Tag(name = "health")
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    private final DatabaseProbe database;
    private final ConnectionFactory broker;
    private final DeadLetters deadLetters;
    private final ProcessorProgress processors;

    HealthController(DatabaseProbe database, ConnectionFactory broker, DeadLetters deadLetters,
                     ProcessorProgress processors) {
        this.database = database;
        this.broker = broker;
        this.deadLetters = deadLetters;
        this.processors = processors;
    }

    @GetMapping("/health")
    @Operation(operationId = "getHealth",
            summary = "Service health; no API key needed")
    @ApiResponse(responseCode = "200", description = "Healthy, or degraded: events parked or a processor stuck")
    @ApiResponse(responseCode = "503", description = "The database or the broker cannot be reached",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = HealthResponse.class)))
    ResponseEntity<HealthResponse> health() throws InterruptedException {
        Long positionsCount = database.positionsCount();
        boolean databaseConnected = positionsCount != null;
        boolean queueConnected = queueConnected();
        boolean healthy = databaseConnected && queueConnected;
        Map<String, Long> parked = databaseConnected ? parkedEvents() : Map.of();
        List<String> stuck = databaseConnected ? stuckSegments() : List.of();
        boolean degraded = !stuck.isEmpty() || parked.values().stream().anyMatch(count -> count > 0);
        String status = !healthy ? "unhealthy" : degraded ? "degraded" : "healthy";
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(new HealthResponse(status, "position-manager", databaseConnected, queueConnected,
                        positionsCount, parked, stuck, Instant.now()));
    }

    private Map<String, Long> parkedEvents() {
        try {
            return deadLetters.counts();
        } catch (RuntimeException e) {
            log.warn("health: cannot count dead letters: {}", e.getMessage());
            return Map.of();
        }
    }

    private List<String> stuckSegments() {
        try {
            return processors.stuckSegments().stream().map(ProcessorProgress.SegmentProgress::name).sorted().toList();
        } catch (RuntimeException e) {
            log.warn("health: cannot read the processors' progress: {}", e.getMessage());
            return List.of();
        }
    }

    private boolean queueConnected() {
        try (Connection connection = broker.createConnection()) {
            return connection.isOpen();
        } catch (RuntimeException e) {
            log.warn("health: broker unreachable: {}", e.getMessage());
            return false;
        }
    }
}
