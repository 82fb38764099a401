package com.ytrader.positionmanager.query.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.infrastructure.TcpProxy;
import com.ytrader.positionmanager.query.QuerySideApplication;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import com.ytrader.positionmanager.query.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A query side whose PostgreSQL goes down: a proxy in front of the database drops every connection and refuses new
 * ones, as a stopped server does. Health says so within two seconds; reads answer 503 with Retry-After, not 500.
 */
class DatabaseDownTest extends QuerySideTest {

    @Autowired
    private Environment resolved;
    @Autowired
    private ObjectMapper json;

    @Test
    void with_postgresql_down_health_answers_503_within_two_seconds_and_reads_503_with_retry_after() throws Exception {
        URI database = URI.create(resolved.getRequiredProperty("spring.datasource.url").substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(database.getPort());
             ConfigurableApplicationContext app = new SpringApplicationBuilder(QuerySideApplication.class).run(
                     "--server.port=0", "--POSTGRES_HOST=127.0.0.1", "--POSTGRES_PORT=" + proxy.port(),
                     "--POSTGRES_DB=pm_query_side_database_down_test",
                     "--RABBITMQ_HOST=" + resolved.getRequiredProperty("spring.rabbitmq.host"),
                     "--RABBITMQ_PORT=" + resolved.getRequiredProperty("spring.rabbitmq.port"))) {
            RawHttp http = new RawHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(http.send("GET /health HTTP/1.1").status()).isEqualTo(200);
            assertThat(read(http).status()).isEqualTo(200);

            proxy.cut();

            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                RawHttp.Response health = http.send("GET /health HTTP/1.1");
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(health.status()).isEqualTo(503);
                assertThat(json.readTree(health.body()).get("database_connected").asBoolean()).isFalse();
                assertThat(seconds).as("seconds to answer /health").isLessThan(2.5);
            }
            for (int i = 0; i < 2; i++) {
                long started = System.nanoTime();
                RawHttp.Response read = read(http);
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(read.status()).as(read.text()).isEqualTo(503);
                assertThat(read.header("Retry-After")).isEqualTo("5");
                assertThat(read.header("Content-Type")).startsWith("application/problem+json");
                JsonNode problem = json.readTree(read.body());
                assertThat(problem.get("status").asInt()).isEqualTo(503);
                assertThat(problem.get("detail").asText()).contains("database");
                assertThat(seconds).as("seconds to answer a read: the pool's connection timeout").isLessThan(6);
            }

            proxy.restore();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> http.send("GET /health HTTP/1.1").status() == 200 && read(http).status() == 200);
        }
    }

    private static RawHttp.Response read(RawHttp http) {
        return http.send("GET /api/v1/positions HTTP/1.1\r\nX-API-Key: " + API_KEY);
    }
}
