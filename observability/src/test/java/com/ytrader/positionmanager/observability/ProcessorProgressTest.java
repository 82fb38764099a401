package com.ytrader.positionmanager.observability;

import io.micrometer.core.instrument.Gauge;
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

/**
 * A segment that keeps failing drops out of its processor's in-memory status; its stored token does not. Its lag
 * shows per segment and in the processor's lag, and once its token has stood still for the stuck-after time (1 s
 * here) with events beyond it, it is listed as stuck.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class ProcessorProgressTest {

    @Autowired
    private MeterRegistry registry;
    @Autowired
    private EventGateway events;
    @Autowired
    private FailingProbeHandler probe;
    @Autowired
    private ProcessorProgress progress;

    @AfterEach
    void heal() {
        probe.fail(false);
    }

    @Test
    void a_segment_that_keeps_failing_shows_its_lag_per_segment_and_is_reported_stuck_until_it_moves_again() {
        await().atMost(Duration.ofSeconds(30)).until(() -> progress.segments(FailingProbeHandler.PROCESSOR).size() == 2
                && processorLag() == 0);
        probe.fail(true);
        events.publish(new FailingProbeHandler.FailingProbeEvent(UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(progress.stuckSegments()).extracting(ProcessorProgress.SegmentProgress::processor)
                    .containsExactly(FailingProbeHandler.PROCESSOR);
            assertThat(processorLag()).isGreaterThanOrEqualTo(1.0);
            assertThat(registry.find(ProcessorProgress.SEGMENT_LAG_METRIC)
                    .tag("processor", FailingProbeHandler.PROCESSOR).gauges())
                    .hasSize(2)
                    .extracting(Gauge::value).anySatisfy(lag -> assertThat(lag).isGreaterThanOrEqualTo(1.0));
        });
        ProcessorProgress.SegmentProgress stuck = progress.stuckSegments().get(0);
        assertThat(registry.get(ProcessorProgress.SEGMENT_LAG_METRIC)
                .tag("processor", FailingProbeHandler.PROCESSOR).tag("segment", Integer.toString(stuck.segment()))
                .gauge().value()).isEqualTo((double) stuck.lag());

        probe.fail(false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(progress.stuckSegments()).isEmpty();
            assertThat(processorLag()).isZero();
        });
    }

    private double processorLag() {
        return registry.get(ProcessorLagMetrics.METRIC).tag("processor", FailingProbeHandler.PROCESSOR).gauge()
                .value();
    }
}
