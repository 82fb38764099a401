package com.ytrader.positionmanager.query.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAndDocumentationTest extends QuerySideTest {

    @Test
    void health_reports_database_queue_and_positions_count() {
        Response response = get("/health", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.body();
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("service").asText()).isEqualTo("position-manager");
        assertThat(health.get("database_connected").asBoolean()).isTrue();
        assertThat(health.get("queue_connected").asBoolean()).isTrue();
        assertThat(health.get("positions_count").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM positions", Long.class));
        assertThat(Instant.parse(health.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void actuator_health_is_open_and_metrics_on_the_application_port_need_a_key() {
        assertThat(get("/actuator/health", null).body().get("status").asText()).isEqualTo("UP");
        for (String path : new String[]{"/actuator/metrics", "/actuator/metrics/http.server.requests",
                "/actuator/prometheus"}) {
            Response keyless = get(path, null);
            assertThat(keyless.status()).as(path).isEqualTo(401);
            assertThat(keyless.headers().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(get(path, "wrong-key").status()).as(path).isEqualTo(401);
        }
        Response metrics = get("/actuator/metrics/jvm.memory.used");
        assertThat(metrics.status()).as(metrics.body().toString()).isEqualTo(200);
    }

    @Test
    void openapi_document_describes_the_api_and_its_key() {
        JsonNode document = get("/v3/api-docs", null).body();

        assertThat(document.get("paths").has("/api/v1/positions/{asset}/snapshots")).isTrue();
        assertThat(document.get("paths").has("/api/v1/portfolio/pnl")).isTrue();
        assertThat(document.get("components").get("securitySchemes").get("apiKey").get("name").asText())
                .isEqualTo("X-API-Key");
        assertThat(get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
