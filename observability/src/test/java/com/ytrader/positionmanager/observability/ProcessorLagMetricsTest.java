package com.ytrader.positionmanager.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against the real PostgreSQL event store: the lag is counted in events appended but not yet handled. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class ProcessorLagMetricsTest {

    @Autowired
    private MeterRegistry registry;
    @Autowired
    private EventGateway events;
    @Autowired
    private LagProbeHandler probe;

    @AfterEach
    void releaseTheProcessor() {
        probe.release();
    }

    @Test
    void lagCountsTheEventsAppendedSinceTheProcessorsPosition() {
        awaitLag(0);
        probe.hold();

        for (int i = 0; i < 3; i++) {
            events.publish(new LagProbeHandler.LagProbeEvent(UUID.randomUUID().toString()));
        }

        awaitLag(3);
    }

    @Test
    void lagFallsToZeroOnceTheProcessorHasCaughtUp() {
        awaitLag(0);
        probe.hold();
        events.publish(new LagProbeHandler.LagProbeEvent(UUID.randomUUID().toString()));
        awaitLag(1);

        probe.release();

        awaitLag(0);
    }

    private void awaitLag(double expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lag()).isEqualTo(expected));
    }

    private double lag() {
        return registry.get(ProcessorLagMetrics.METRIC).tag("processor", LagProbeHandler.PROCESSOR).gauge().value();
    }
}
