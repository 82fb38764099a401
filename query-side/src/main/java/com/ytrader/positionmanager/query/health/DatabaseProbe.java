package com.ytrader.positionmanager.query.health;

import com.ytrader.positionmanager.query.position.PositionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The health check's database question, on a thread of its own with a deadline: with PostgreSQL down a query waits
 * for the pool's connection timeout, and {@code /health} must say 503 sooner than that. Concurrent checks share the
 * probe in flight, so a stalled database ties up one thread, not one per health request.
 */
@Component
class DatabaseProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    private final PositionRepository positions;
    private final Duration deadline;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread probe = new Thread(runnable, "health-database-probe");
        probe.setDaemon(true);
        return probe;
    });
    private CompletableFuture<Long> inFlight;

    DatabaseProbe(PositionRepository positions, @Value("${position-manager.health.database-timeout}") Duration deadline) {
        this.positions = positions;
        this.deadline = deadline;
    }

    /** The number of positions, or null when the database did not answer within the deadline. */
    Long positionsCount() throws InterruptedException {
        try {
            return probe().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            log.warn("health: database unreachable: {}", failed.getCause().getMessage());
            return null;
        } catch (TimeoutException noAnswer) {
            log.warn("health: database gave no answer within {}", deadline);
            return null;
        }
    }

    private synchronized CompletableFuture<Long> probe() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(positions::count, thread);
        }
        return inFlight;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
