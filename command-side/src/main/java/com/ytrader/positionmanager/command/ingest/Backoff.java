package com.ytrader.positionmanager.command.ingest;

import java.time.Duration;

/** Exponential pauses between attempts at a transient failure, up to a ceiling. */
final class Backoff {

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** Sleeps before attempt {@code attempt + 1}; an interrupt (the consumer is stopping) ends the wait. */
    void pause(int attempt) {
        long millis = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumerStoppingException();
        }
    }

    /** The consumer was stopped while waiting; its unacknowledged deliveries go back to the queue. */
    static final class ConsumerStoppingException extends RuntimeException {
        ConsumerStoppingException() {
            super("consumer stopped while waiting to retry; the deliveries stay unacknowledged");
        }
    }
}
