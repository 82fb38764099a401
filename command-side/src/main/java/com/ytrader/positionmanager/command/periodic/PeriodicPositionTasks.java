package com.ytrader.positionmanager.command.periodic;

import com.ytrader.positionmanager.command.openpositions.OpenPositions;
import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.command.position.TakeSnapshot;
import com.ytrader.positionmanager.command.reconciliation.ExchangeReconciliation;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.UpdateSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Snapshots and validates every open position on a timer ({@code POSITION_MANAGER_SNAPSHOT_INTERVAL},
 * {@code POSITION_MANAGER_VALIDATION_INTERVAL}). Each run holds a cluster-wide lock for at least most of its
 * interval, so however many instances run, a position is visited once per interval.
 */
@Component
public class PeriodicPositionTasks {

    private static final Logger log = LoggerFactory.getLogger(PeriodicPositionTasks.class);

    /*
     * A run holds its lock for nine tenths of the interval (in milliseconds): another instance whose timer
     * fires within that time finds it taken, however their start times differ. A crashed holder's lock
     * expires after one interval.
     */
    private static final String HOLD_SNAPSHOT_LOCK = "#{${position-manager.snapshot-interval} * 900}";
    private static final String RELEASE_SNAPSHOT_LOCK = "#{${position-manager.snapshot-interval} * 1000}";
    private static final String HOLD_VALIDATION_LOCK = "#{${position-manager.validation-interval} * 900}";
    private static final String RELEASE_VALIDATION_LOCK = "#{${position-manager.validation-interval} * 1000}";

    private final OpenPositions openPositions;
    private final CommandGateway commands;
    private final ExchangeReconciliation reconciliation;

    PeriodicPositionTasks(OpenPositions openPositions, CommandGateway commands,
                          ExchangeReconciliation reconciliation) {
        this.openPositions = openPositions;
        this.commands = commands;
        this.reconciliation = reconciliation;
    }

    @Scheduled(fixedDelayString = "${position-manager.snapshot-interval}",
            initialDelayString = "${position-manager.snapshot-interval}", timeUnit = TimeUnit.SECONDS)
    @SchedulerLock(name = "periodic-snapshots", lockAtMostFor = RELEASE_SNAPSHOT_LOCK,
            lockAtLeastFor = HOLD_SNAPSHOT_LOCK)
    public void snapshotOpenPositions() {
        int visited = visitOpenPositions("snapshot", at -> position ->
                TakeSnapshot.of(position.asset(), position.mode(), UUID.randomUUID().toString(), at));
        log.info("Periodic snapshot of {} open positions", visited);
    }

    @Scheduled(fixedDelayString = "${position-manager.validation-interval}",
            initialDelayString = "${position-manager.validation-interval}", timeUnit = TimeUnit.SECONDS)
    @SchedulerLock(name = "periodic-validation", lockAtMostFor = RELEASE_VALIDATION_LOCK,
            lockAtLeastFor = HOLD_VALIDATION_LOCK)
    public void validateOpenPositions() {
        Instant at = Instant.now();
        String traceId = UUID.randomUUID().toString();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(EventMetadata.TRACE_ID, traceId)) {
            List<ExchangeReconciliation.PositionKey> positions = openPositions.all().stream()
                    .map(position -> new ExchangeReconciliation.PositionKey(position.asset(), position.mode()))
                    .toList();
            int visited = reconciliation.validateAll(positions, true, metaData("validation", at, traceId));
            log.info("Periodic validation of {} open positions", visited);
        } catch (RuntimeException e) {
            log.warn("Periodic validation failed: {}", e.getMessage());
        }
    }

    private static CommandMetadata metaData(String task, Instant at, String traceId) {
        return CommandMetadata.of(UpdateSource.SCHEDULER, traceId, task + ":" + at);
    }

    private int visitOpenPositions(String task, Function<Instant, Function<OpenPositions.OpenPosition, Object>> command) {
        Instant at = Instant.now();
        String traceId = UUID.randomUUID().toString();
        MDC.put(EventMetadata.TRACE_ID, traceId);
        try {
            int visited = 0;
            for (OpenPositions.OpenPosition position : openPositions.all()) {
                try {
                    commands.sendAndWait(metaData(task, at, traceId).command(command.apply(at).apply(position)));
                    visited++;
                } catch (RuntimeException e) {
                    // one position that cannot be visited must not stop the others
                    log.warn("Periodic {} of {} {} failed: {}", task, position.asset(), position.mode().wireName(),
                            e.getMessage());
                }
            }
            return visited;
        } finally {
            MDC.remove(EventMetadata.TRACE_ID);
        }
    }
}
