package com.ytrader.positionmanager.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import com.ytrader.positionmanager.query.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the API must refuse with a small, clear problem+json: never a 500, never an echo of the whole input. */
class BadInputTest extends QuerySideTest {

    private record Answer(int status, HttpHeaders headers, JsonNode body) {
    }

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;

    @Test
    void a_decimal_of_a_billion_digits_is_a_small_400_naming_the_parameter_not_a_gigabyte_echo() {
        for (String query : List.of("size_min=1e999999999&size_max=0", "size_min=1E%2B2147483647",
                "size_max=1e999999999")) {
            Answer response = exactly("/api/v1/positions?" + query);

            assertProblem(response, 400, query.startsWith("size_min") ? "size_min" : "size_max");
            assertThat(response.body().toString()).as(query).hasSizeLessThan(600).doesNotContain("0000000000");
        }
    }

    @Test
    void a_decimal_beyond_twenty_integer_or_eighteen_fraction_digits_is_a_400_naming_the_parameter() {
        for (String value : List.of("1e-999999999", "123456789012345678901", "0.0000000000000000001", "1e20")) {
            Answer response = answer(get("/api/v1/positions?size_max=" + value));

            assertProblem(response, 400, "size_max");
            assertThat(response.body().get("detail").asText()).contains("20 integer digits and 18 fraction digits");
        }
    }

    @Test
    void decimals_within_numeric_38_18_still_filter() {
        String asset = uniqueAsset("BND");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "2.5", "100", "0", Instant.now());
        awaitProjections();

        Response within = get("/api/v1/positions?asset=" + asset
                + "&size_min=2.499999999999999999&size_max=99999999999999999999.000000000000000000000");
        Response outside = get("/api/v1/positions?asset=" + asset + "&size_min=2.500000000000000001");

        assertThat(within.status()).isEqualTo(200);
        assertThat(within.body().get("positions")).hasSize(1);
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.body().get("positions")).isEmpty();
    }

    @Test
    void a_timestamp_beyond_year_9999_or_before_1970_is_a_400_naming_the_parameter() {
        assertProblem(exactly("/api/v1/positions/BTCUSDT/as-of?timestamp=%2B294277-01-01T00:00:00Z"), 400, "timestamp");
        assertProblem(exactly("/api/v1/positions/BTCUSDT/as-of?timestamp=2024-01-01T00:00:00Z"
                + "&known_at=%2B999999999-12-31T23:59:59Z"), 400, "known_at");
        assertProblem(exactly("/api/v1/positions/BTCUSDT/history?from=%2B294277-01-01T00:00:00Z"), 400, "from");
        assertProblem(answer(get("/api/v1/positions/BTCUSDT/history?to=1969-12-31T23:59:59Z")), 400, "to");
    }

    @Test
    void a_long_rejected_value_is_quoted_abbreviated_with_its_length() {
        String asset = "x".repeat(6_000);

        Answer response = answer(get("/api/v1/positions?asset=" + asset));

        assertProblem(response, 400, "asset");
        assertThat(response.body().get("detail").asText()).contains("x".repeat(200) + "… (6000 characters)")
                .hasSizeLessThan(400);
    }

    @Test
    void a_long_mode_or_cursor_is_quoted_abbreviated_too() {
        for (String target : List.of("/api/v1/positions?mode=" + "m".repeat(5_000),
                "/api/v1/positions/BTCUSDT/history?cursor=" + "c".repeat(5_000))) {
            Answer response = answer(get(target));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body().get("detail").asText()).as(target).contains("(5000 characters)")
                    .hasSizeLessThan(600);
        }
    }

    @Test
    void requests_tomcat_refuses_itself_are_answered_with_problem_json() throws IOException {
        RawHttp http = new RawHttp(port);
        for (String target : List.of("/api/v1/positions/BTC%2FUSDT", "/api/v1/positions/BTC\\USDT",
                "/api/v1/positions/BTC%00USDT", "/api/v1/positions?asset=%00")) {
            RawHttp.Response response = http.send("GET " + target + " HTTP/1.1\r\nX-API-Key: " + API_KEY);

            assertThat(response.status()).as(target).isBetween(400, 404);
            assertRawProblem(response, target);
        }
        RawHttp.Response hugeHeader = http.send("GET /api/v1/positions HTTP/1.1\r\nX-API-Key: " + API_KEY
                + "\r\nX-Filler: " + "f".repeat(20_000));
        assertThat(hugeHeader.status()).isEqualTo(400);
        assertRawProblem(hugeHeader, "a 20 KB header");
    }

    @Test
    void the_error_page_asked_for_directly_is_a_404_problem() throws IOException {
        for (String key : new String[]{null, API_KEY}) {
            Answer response = answer(get("/error", key));

            assertProblem(response, 404, null);
            assertThat(response.body().has("error")).isFalse();
        }
        RawHttp.Response html = new RawHttp(port).send("GET /error HTTP/1.1\r\nAccept: text/html");
        assertThat(html.status()).isEqualTo(404);
        assertRawProblem(html, "/error with Accept: text/html");
    }

    @Test
    void an_unknown_path_or_method_is_a_problem_not_spring_boot_json() throws IOException {
        assertProblem(answer(get("/api/v1/nothing-here")), 404, null);
        assertProblem(answer(get("/no-such-page", null)), 404, null);
        RawHttp.Response method = new RawHttp(port).send("DELETE /api/v1/portfolio HTTP/1.1\r\nX-API-Key: " + API_KEY);
        assertThat(method.status()).isEqualTo(405);
        assertRawProblem(method, "DELETE");
    }

    /** The target exactly as written: {@code %2B} stays a plus sign, not a space or {@code %252B}. */
    private static Answer asResponse(int status, HttpHeaders headers, JsonNode body) {
        return new Answer(status, headers, body);
    }

    private static Answer answer(Response response) {
        return new Answer(response.status(), response.headers(), response.body());
    }

    private Answer exactly(String target) {
        return RestClient.create().get().uri(URI.create("http://127.0.0.1:" + port + target))
                .header("X-API-Key", API_KEY)
                .exchange((request, response) -> asResponse(response.getStatusCode().value(), response.getHeaders(),
                        json.readTree(response.getBody().readAllBytes())));
    }

    private void assertRawProblem(RawHttp.Response response, String what) throws IOException {
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(response.bodyLength()).as(what).isLessThan(1024);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(problem.get("title").asText()).as(what).isNotBlank();
        assertThat(problem.get("detail").asText()).as(what).isNotBlank();
    }

    private static void assertProblem(Answer response, int status, String parameter) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().get("detail").asText()).isNotBlank();
        if (parameter != null) {
            assertThat(response.body().get("parameter").asText()).isEqualTo(parameter);
            assertThat(response.body().get("detail").asText()).contains(parameter);
        }
    }
}
