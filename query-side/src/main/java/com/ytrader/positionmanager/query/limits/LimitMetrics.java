package com.ytrader.positionmanager.query.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code position_manager_limit_events_total{name, event_type}}: the limit events this instance published. */
@Component
class LimitMetrics {

    static final String EVENTS = "position_manager_limit_events";

    private final MeterRegistry registry;

    LimitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(LimitEvent event) {
        Counter.builder(EVENTS).description("limit events published, by limit and type")
                .tag("name", event.name()).tag("event_type", event.eventType())
                .register(registry).increment();
    }
}
