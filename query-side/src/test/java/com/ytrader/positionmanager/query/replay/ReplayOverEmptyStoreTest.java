package com.ytrader.positionmanager.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.query.support.BothSides;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A store without a single event, in a database of its own: there is nothing to replay, so a replay ends at once. */
@SpringBootTest(classes = BothSides.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "POSTGRES_DB=pm_query_side_empty_store_test")
class ReplayOverEmptyStoreTest {

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;

    @Test
    void a_replay_over_an_empty_event_store_completes_at_once_and_reads_answer_again() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isZero();

        JsonNode started = call("POST", "/api/v1/admin/replay", "admin-test-key").body();

        assertThat(started.get("events_total").asLong()).isZero();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> call("GET", "/api/v1/admin/replay", "admin-test-key").body().get("status").asText()
                        .equals("completed"));
        Answer positions = call("GET", "/api/v1/positions", "test-key");
        assertThat(positions.status()).isEqualTo(200);
        assertThat(positions.body().get("count").asInt()).isZero();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String key) {
        return RestClient.create("http://127.0.0.1:" + port).method(HttpMethod.valueOf(method))
                .uri(path).header("X-API-Key", key)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        json.readTree(response.getBody())));
    }
}
