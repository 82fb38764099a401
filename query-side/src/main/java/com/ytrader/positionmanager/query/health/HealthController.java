package com.ytrader.positionmanager.query.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The spec's health check: 503 as soon as the database or the broker cannot be reached, within about
 * {@code position-manager.health.database-timeout} and the broker's connection timeout.
 */
@RestController
@Tag(name = "health")
class HealthController {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    private final DatabaseProbe database;
    private final ConnectionFactory broker;

    HealthController(DatabaseProbe database, ConnectionFactory broker) {
        this.database = database;
        this.broker = broker;
    }

    @GetMapping("/health")
    @Operation(summary = "Service health; no API key needed")
    ResponseEntity<HealthResponse> health() throws InterruptedException {
        Long positionsCount = database.positionsCount();
        boolean databaseConnected = positionsCount != null;
        boolean queueConnected = queueConnected();
        boolean healthy = databaseConnected && queueConnected;
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(new HealthResponse(healthy ? "healthy" : "unhealthy", "position-manager", databaseConnected,
                        queueConnected, positionsCount, Instant.now()));
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
