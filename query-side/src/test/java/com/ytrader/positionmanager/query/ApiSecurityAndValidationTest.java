package com.ytrader.positionmanager.query;

import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSecurityAndValidationTest extends QuerySideTest {

    @Test
    void every_api_endpoint_refuses_a_missing_or_wrong_key_with_401_problem_json() {
        for (String path : List.of("/api/v1/positions", "/api/v1/positions/BTCUSDT", "/api/v1/portfolio",
                "/api/v1/portfolio/exposure", "/api/v1/portfolio/pnl", "/api/v1/positions/BTCUSDT/snapshots")) {
            for (String key : new String[] {null, "", "wrong-key", "test-ke", "test-key2"}) {
                Response response = get(path, key);
                assertThat(response.status()).as(path + " with " + key).isEqualTo(401);
                assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
                assertThat(response.body().get("status").asInt()).isEqualTo(401);
            }
        }
    }

    @Test
    void health_needs_no_key() {
        assertThat(get("/health", null).status()).isEqualTo(200);
    }

    @Test
    void a_key_over_its_rate_limit_gets_429_with_retry_after() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/portfolio/exposure", "limited-test-key").status()).isEqualTo(200);
        }

        Response limited = get("/api/v1/portfolio/exposure", "limited-test-key");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().getContentType().toString()).isEqualTo("application/problem+json");
        // 3 per minute: the next token comes after 20 s
        assertThat(Long.parseLong(limited.headers().getFirst("Retry-After"))).isBetween(1L, 20L);
        assertThat(get("/api/v1/portfolio/exposure").status()).as("other keys keep their own budget")
                .isEqualTo(200);
    }

    @Test
    void each_invalid_parameter_is_a_400_problem_naming_it() {
        assertInvalid("/api/v1/positions?asset=btcusdt", "asset");
        assertInvalid("/api/v1/positions?asset=B", "asset");
        assertInvalid("/api/v1/positions?mode=both", "mode");
        assertInvalid("/api/v1/positions?size_min=abc", "size_min");
        assertInvalid("/api/v1/positions?size_max=1e", "size_max");
        assertInvalid("/api/v1/positions?size_min=2&size_max=1", "size_min");
        assertInvalid("/api/v1/positions/btc-usdt", "asset");
        assertInvalid("/api/v1/positions/BTCUSDT?mode=net", "mode");
        assertInvalid("/api/v1/positions/BTCUSDT/snapshots?limit=1001", "limit");
        assertInvalid("/api/v1/portfolio?include_positions=maybe", "include_positions");
        assertInvalid("/api/v1/portfolio?asset=BTC_USDT", "asset");
    }

    private void assertInvalid(String path, String parameter) {
        Response response = get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.headers().getContentType().toString()).as(path).isEqualTo("application/problem+json");
        assertThat(response.body().get("parameter").asText()).as(path).isEqualTo(parameter);
        assertThat(response.body().get("detail").asText()).as(path).contains(parameter);
    }
}
