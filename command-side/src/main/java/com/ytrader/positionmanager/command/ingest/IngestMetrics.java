package com.ytrader.positionmanager.command.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code position_manager_ingest_messages_total{queue, outcome}} and the processing latency of a batch, from
 * its delivery to its acknowledgement, {@code position_manager_ingest_batch_seconds{queue}}.
 */
final class IngestMetrics {

    static final String MESSAGES = "position_manager.ingest.messages";
    static final String BATCH = "position_manager.ingest.batch";

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
