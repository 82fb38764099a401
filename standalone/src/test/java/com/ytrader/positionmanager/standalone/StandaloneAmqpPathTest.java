package com.ytrader.positionmanager.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.command.ingest.IngestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The standalone app starts with both sides, answers its health check, and a fill on the queue becomes a position. */
@StandaloneAppTest
class StandaloneAmqpPathTest {

    @LocalServerPort
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    IngestProperties ingest;
    @Autowired
    Environment environment;
    @Autowired
    StartupSummary summary;

    @Test
    void health_answers_200_with_database_and_broker_connected() {
        StandaloneApi.Response health = api().call("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("database_connected").asBoolean()).isTrue();
        assertThat(health.body().path("queue_connected").asBoolean()).isTrue();
    }

    @Test
    void a_fill_published_to_the_inbound_queue_shows_in_the_position_api() {
        // one asset for every run: the test database keeps positions between runs, so only the change is checked
        String asset = "AMQPPATHTEST";
        StandaloneApi.Response before = api().call("/api/v1/positions/" + asset);
        BigDecimal sizeBefore = before.status() == 404 ? BigDecimal.ZERO : decimal(before.body(), "size");
        BigDecimal realizedBefore = before.status() == 404 ? BigDecimal.ZERO : decimal(before.body(), "realized_pnl");
        String body = """
                {"order_id":"o-%s","asset":"%s","side":"Buy","filled_quantity":"0.25","execution_price":"101.5",
                 "execution_fees":"0.01","mode":"one-way","exec_id":"%s","exec_type":"Trade"}"""
                .formatted(UUID.randomUUID(), asset, UUID.randomUUID());
        rabbit.send("", ingest.queues().orderExecuted(), MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").setDeliveryMode(MessageDeliveryMode.PERSISTENT).build());

        BigDecimal expectedSize = sizeBefore.add(new BigDecimal("0.25"));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            StandaloneApi.Response now = api().call("/api/v1/positions/" + asset);
            return now.status() == 200 && decimal(now.body(), "size").compareTo(expectedSize) == 0;
        });
        JsonNode position = api().get("/api/v1/positions/" + asset);
        assertThat(decimal(position, "average_entry_price")).isEqualByComparingTo("101.5");
        assertThat(decimal(position, "realized_pnl")).isEqualByComparingTo(realizedBefore.subtract(new BigDecimal("0.01")));
    }

    @Test
    void the_startup_summary_says_where_each_part_is_and_what_to_open() {
        assertThat(summary.summary())
                .contains("PostgreSQL : ", "database pm_standalone_test")
                .contains("Broker     : ")
                .contains("Dashboard  : http://localhost:" + port + "/#api-key=local-demo-key")
                .contains("Swagger UI : http://localhost:" + port + "/swagger-ui.html")
                .contains("Health     : http://localhost:" + port + "/health")
                .contains("X-API-Key: local-demo-key")
                .contains("Demo feed  : on");
    }

    @Test
    void the_demo_flag_is_the_short_form_of_the_demo_property() {
        assertThat(StandaloneApplication.withDemoFlagExpanded(new String[]{"--demo", "--server.port=1"}))
                .containsExactly("--position-manager.demo.enabled=true", "--server.port=1");
    }

    private static BigDecimal decimal(JsonNode position, String field) {
        return new BigDecimal(position.path(field).asText());
    }

    private StandaloneApi api() {
        return new StandaloneApi(port, LocalApiKey.of(environment).value());
    }
}
