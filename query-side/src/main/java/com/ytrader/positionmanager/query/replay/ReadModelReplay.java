package com.ytrader.positionmanager.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the read models from the event store: each read-model processor is shut down, its tokens reset (its
 * {@code @ResetHandler}s empty its tables) and started again, then replays the store from the first event. While it
 * runs, {@link ReplayGate} answers read-model queries 503. The integration-event publisher is not reset: a rebuild
 * must not publish every event again. The read models' secondary indexes are dropped for the replay and built when
 * it has caught up ({@link DeferredIndexes}); it completes once they are.
 */
@Component
public class ReadModelReplay {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** The head of a store without events (global indexes start at 1). */
    private static final long EMPTY_STORE = 0;

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storageEngine;
    private final List<String> processors;
    private final DeferredIndexes indexes;

    private record Run(Instant startedAt, long head, Instant finishedAt, String error) {
    }

    private volatile Run run;

    public ReadModelReplay(EventProcessingConfiguration processing, EventStorageEngine storageEngine,
                           @Value("${position-manager.replay.processors}") List<String> processors,
                           DeferredIndexes indexes) {
        this.processing = processing;
        this.storageEngine = storageEngine;
        this.processors = List.copyOf(processors);
        this.indexes = indexes;
    }

    public boolean running() {
        Run current = run;
        return current != null && current.finishedAt() == null;
    }

    /** Starts a rebuild; false when one is already running. */
    public synchronized boolean start() {
        if (running()) {
            return false;
        }
        long head = headPosition();
        run = new Run(Instant.now(), head, null, null);
        try {
            processors.forEach(name -> processor(name).shutDown());
            // after the shutdown: no batch of this JVM is writing the tables
            indexes.defer();
            for (String name : processors) {
                StreamingEventProcessor processor = processor(name);
                processor.resetTokens();
                processor.start();
            }
        } catch (RuntimeException e) {
            run = new Run(run.startedAt(), head, Instant.now(), e.toString());
            restoreIndexes();
            throw e;
        }
        log.info("Replaying the read models {} over {} events", processors, head);
        Thread monitor = new Thread(this::awaitCaughtUp, "read-model-replay");
        monitor.setDaemon(true);
        monitor.start();
        return true;
    }

    public ReplayProgress progress() {
        Run current = run;
        if (current == null) {
            return new ReplayProgress("idle", processors, 0, 0, 0, null, null, null, null);
        }
        long done = Math.min(current.head(), slowestPosition());
        Instant end = current.finishedAt() == null ? Instant.now() : current.finishedAt();
        double seconds = Math.max(0.001, Duration.between(current.startedAt(), end).toNanos() / 1e9);
        double rate = done / seconds;
        Long eta = current.finishedAt() != null ? Long.valueOf(0)
                : rate > 0 ? Long.valueOf(Math.round((current.head() - done) / rate)) : null;
        String status = current.error() != null ? "failed" : current.finishedAt() == null ? "running" : "completed";
        return new ReplayProgress(status, processors, current.head(), done, rate, eta, current.startedAt(),
                current.finishedAt(), current.error());
    }

    private void awaitCaughtUp() {
        Run current = run;
        try {
            while (!caughtUp(current.head())) {
                Thread.sleep(POLL.toMillis());
            }
            indexes.restore();
            run = new Run(current.startedAt(), current.head(), Instant.now(), null);
            log.info("Read models rebuilt: {} events in {}", current.head(),
                    Duration.between(current.startedAt(), run.finishedAt()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run = new Run(current.startedAt(), current.head(), Instant.now(), "interrupted");
        } catch (RuntimeException e) {
            log.error("Building the read models' indexes after the replay failed; the next start builds them", e);
            run = new Run(current.startedAt(), current.head(), Instant.now(), e.toString());
        }
    }

    private void restoreIndexes() {
        try {
            indexes.restore();
        } catch (RuntimeException e) {
            log.error("Building the read models' indexes failed; the next start builds them", e);
        }
    }

    /**
     * Every segment of every replayed processor claimed and past the head the replay started from. An empty store
     * has nothing to replay: its reset has emptied the read models, and no segment would ever pass an event.
     */
    private boolean caughtUp(long head) {
        if (head == EMPTY_STORE) {
            return true;
        }
        for (String name : processors) {
            Map<Integer, EventTrackerStatus> status = processor(name).processingStatus();
            double claimed = status.values().stream()
                    .mapToDouble(segment -> 1.0 / (segment.getSegment().getMask() + 1)).sum();
            // not isReplaying(): a segment stays a replay token until an event after the reset point reaches it
            if (claimed < 0.999 || status.values().stream()
                    .anyMatch(segment -> segment.getCurrentPosition().orElse(-1) < head)) {
                return false;
            }
        }
        return true;
    }

    private long slowestPosition() {
        long slowest = Long.MAX_VALUE;
        for (String name : processors) {
            Map<Integer, EventTrackerStatus> status = processor(name).processingStatus();
            if (status.isEmpty()) {
                return 0;
            }
            for (EventTrackerStatus segment : status.values()) {
                slowest = Math.min(slowest, segment.getCurrentPosition().orElse(0));
            }
        }
        return slowest == Long.MAX_VALUE ? 0 : slowest;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(
                () -> new IllegalStateException("no streaming event processor " + name));
    }

    /** The newest event's global index; Axon's head token of an empty store is null. */
    private long headPosition() {
        TrackingToken head = storageEngine.createHeadToken();
        return head == null ? EMPTY_STORE : head.position().orElse(EMPTY_STORE);
    }
}
