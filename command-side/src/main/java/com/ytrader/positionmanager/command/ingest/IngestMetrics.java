package com.ytrader.positionmanager.command.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code position_manager_ingest_messages_total{queue, outcome}}. */
final class IngestMetrics {

    static final String MESSAGES = "position_manager.ingest.messages";

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
}
