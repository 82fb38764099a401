package com.ytrader.positionmanager.command.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code position_manager_ingest_messages_total{queue, outcome}}, the processing latency of a batch, from
 * its delivery to its acknowledgement, {@code position_manager_ingest_batch_seconds{queue}}, and
 * {@code position_manager_ingest_retries_total{queue, of}}: a batch ({@code of="batch"}) that failed and was applied
 * again message by message, or a message ({@code of="message"}) that failed transiently (the database away, another
 * instance writing the same position) and was tried again.
 */
final class IngestMetrics {

    static final String MESSAGES = "position_manager.ingest.messages";
    static final String BATCH = "position_manager.ingest.batch";
    static final String RETRIES = "position_manager.ingest.retries";

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String queue, IngestOutcome outcome) {
        Counter.builder(MESSAGES)
                .description("Inbound messages by queue and what became of them")
                .tag("queue", queue)
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }

    void batchRetried(String queue) {
        retried(queue, "batch");
    }

    void messageRetried(String queue) {
        retried(queue, "message");
    }

    private void retried(String queue, String of) {
        Counter.builder(RETRIES)
                .description("Failed batches applied again one by one, and messages retried after a transient failure")
                .tag("queue", queue)
                .tag("of", of)
                .register(registry)
                .increment();
    }

    Timer.Sample startBatch() {
        return Timer.start(registry);
    }

    void batchAcknowledged(String queue, Timer.Sample started) {
        started.stop(Timer.builder(BATCH)
                .description("From a batch's delivery to its acknowledgement: applied, committed, dead letters confirmed")
                .tag("queue", queue)
                .register(registry));
    }
}
