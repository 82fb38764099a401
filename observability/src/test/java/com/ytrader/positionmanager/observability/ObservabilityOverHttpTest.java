package com.ytrader.positionmanager.observability;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * A real server on a random port, with the module's auto-configuration as an application gets it (metrics export
 * on, which Spring Boot's tests switch off unless asked; all test classes ask, so they share one application).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class ObservabilityOverHttpTest {

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private EventGateway events;

    @Test
    void requestHandlingSeesTheTraceIdThatTheResponseEchoes() {
        ResponseEntity<String> response = get(TraceIdProbeController.PATH, "risk-manager-42");

        assertThat(response.getBody()).isEqualTo("risk-manager-42");
        assertThat(response.getHeaders().getFirst(TraceIdFilter.HEADER)).isEqualTo("risk-manager-42");
    }

    @Test
    void anInvalidTraceIdHeaderIsReplacedByANewOne() {
        ResponseEntity<String> response = get(TraceIdProbeController.PATH, "not an id!");

        String echoed = response.getHeaders().getFirst(TraceIdFilter.HEADER);
        assertThatCode(() -> UUID.fromString(echoed)).doesNotThrowAnyException();
        assertThat(response.getBody()).isEqualTo(echoed);
    }

    @Test
    void httpLatencyPerEndpointIsExposedWithHistogramBuckets() {
        get(TraceIdProbeController.PATH, null);

        String scrape = get("/actuator/prometheus", null).getBody();

        assertThat(scrape).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*uri=\"" + TraceIdProbeController.PATH + "\"[^}]*le=\"");
    }

    @Test
    void everyMetricCarriesTheApplicationTag() {
        String scrape = get("/actuator/prometheus", null).getBody();

        assertThat(scrape).containsPattern("jvm_threads_live_threads\\{[^}]*application=\"observability-test\"");
    }

    @Test
    void processorLagIsExposedPerStreamingProcessor() {
        String scrape = get("/actuator/prometheus", null).getBody();

        assertThat(scrape).containsPattern(
                "position_manager_processor_lag_events\\{[^}]*processor=\"" + LagProbeHandler.PROCESSOR + "\"");
    }

    @Test
    void axonsHandlerMetricsAreExposedPerProcessorAndPayloadType() {
        events.publish(new LagProbeHandler.LagProbeEvent(UUID.randomUUID().toString()));
        String processor = "\\{[^}]*processorName=\"" + LagProbeHandler.PROCESSOR + "\"";
        String handled = "\\{[^}]*payloadType=\"LagProbeEvent\"[^}]*processorName=\""
                + LagProbeHandler.PROCESSOR + "\"";

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/actuator/prometheus", null)
                .getBody())
                .containsPattern("eventProcessor_successCounter_total" + handled)
                .containsPattern("eventProcessor_allTimer_seconds_count" + handled)
                .containsPattern("eventProcessor_latency" + processor)
                .containsPattern("eventProcessor_capacity" + handled));
    }

    private ResponseEntity<String> get(String path, String traceId) {
        HttpHeaders headers = new HttpHeaders();
        if (traceId != null) {
            headers.set(TraceIdFilter.HEADER, traceId);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
