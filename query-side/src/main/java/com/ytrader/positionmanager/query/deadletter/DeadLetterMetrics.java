package com.ytrader.positionmanager.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * {@code position_manager_dead_letters{processing_group}}: events parked by each processing group, counted in
 * {@code dead_letter_entry} on scrape. Registered once the application has started, when Axon's processors exist.
 */
@Component
class DeadLetterMetrics implements ApplicationListener<ApplicationStartedEvent> {

    static final String METRIC = "position_manager.dead_letters";

    private final DeadLetters deadLetters;
    private final MeterRegistry registry;

    DeadLetterMetrics(DeadLetters deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        for (String group : deadLetters.groups()) {
            Gauge.builder(METRIC, () -> deadLetters.count(group))
                    .description("Events the processing group has parked in its dead-letter queue")
                    .tag("processing_group", group)
                    .register(registry);
        }
    }
}
