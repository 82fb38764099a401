package com.ytrader.positionmanager.query.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import com.ytrader.positionmanager.query.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The training batch answers every row it is given, or refuses the request naming the row: it never drops one. */
class TrainingBatchInputTest extends QuerySideTest {

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;

    private String asset;
    private String at;
    private String valid;

    @BeforeEach
    void onePosition() {
        asset = uniqueAsset("TBI");
        Instant opened = Instant.parse("2025-01-01T00:00:00Z");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", opened);
        awaitProjections();
        at = opened.plus(1, ChronoUnit.HOURS).toString();
        valid = "{\"asset\":\"" + asset + "\",\"mode\":\"one-way\",\"timestamp\":\"" + at + "\"}";
    }

    @Test
    void a_row_that_is_not_an_object_is_a_400_naming_it_not_a_dropped_row() throws IOException {
        assertRefused(postJson("[" + valid + ", 5, {\"asset\":\"bad\"}]"), 400, "rows[1]");
        assertRefused(postJson("[[" + valid + "]]"), 400, "rows[0]");
        assertRefused(postJson("[1,2,3]"), 400, "rows[0]");
        assertRefused(postJson("[" + valid + ",\"" + asset + "\"]"), 400, "rows[1]");
        assertRefused(postJson("[" + valid + ",null]"), 400, "rows[1]");
    }

    @Test
    void a_known_field_that_is_not_a_string_is_a_400_naming_the_field() throws IOException {
        assertRefused(postJson("[{\"asset\":{\"nested\":1},\"timestamp\":\"" + at + "\"}]"), 400, "rows[0].asset");
        assertRefused(postJson("[" + valid + ",{\"asset\":\"" + asset + "\",\"timestamp\":[\"" + at + "\"]}]"), 400,
                "rows[1].timestamp");
    }

    @Test
    void anything_after_the_array_is_a_400_about_the_body() throws IOException {
        for (String trailing : List.of(" x", " []", " " + valid, ",", "]")) {
            assertRefused(postJson("[" + valid + "]" + trailing), 400, "body");
        }
        assertRefused(postJson(valid), 400, "body");
        assertRefused(postJson(""), 400, "body");
    }

    @Test
    void a_duplicate_key_is_a_400_naming_the_row() throws IOException {
        assertRefused(postJson("[" + valid + ",{\"asset\":\"" + asset + "\",\"asset\":\"BTCUSDT\",\"timestamp\":\""
                + at + "\"}]"), 400, "rows[1]");
    }

    @Test
    void every_row_gets_one_answer_in_input_order() throws IOException {
        String body = "[" + valid + ",{\"asset\":\"" + asset + "\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"note\":"
                + "{\"skipped\":[1,2]}}," + valid + "]";

        RawHttp.Response response = post(body, "application/json");

        assertThat(response.status()).isEqualTo(200);
        List<String> lines = response.text().lines().toList();
        assertThat(lines).hasSize(3);
        for (int row = 0; row < 3; row++) {
            JsonNode line = json.readTree(lines.get(row));
            assertThat(line.get("row").asInt()).isEqualTo(row);
            assertThat(line.get("found").asBoolean()).isEqualTo(row != 1);
        }
    }

    @Test
    void a_csv_header_must_name_exactly_the_three_columns() throws IOException {
        assertRefused(post("asset,asset,timestamp\n" + asset + ",one-way," + at + "\n", "text/csv"), 400, "body");
        assertRefused(post("asset,mode\n" + asset + ",one-way," + at + "\n", "text/csv"), 400, "body");
        assertThat(post("asset, mode, timestamp\n" + asset + ",one-way," + at + "\n", "text/csv").status())
                .isEqualTo(200);
    }

    @Test
    void a_csv_row_with_too_few_or_too_many_columns_is_a_400_naming_it() throws IOException {
        assertRefused(post(asset + ",one-way," + at + "\n" + asset + ",one-way\n", "text/csv"), 400, "rows[1]");
        assertRefused(post(asset + ",one-way," + at + ",extra\n", "text/csv"), 400, "rows[0]");
    }

    @Test
    void a_row_timestamp_beyond_year_9999_or_before_1970_is_a_400_naming_it_in_json_and_csv() throws IOException {
        for (String timestamp : List.of("+294277-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "1969-12-31T23:59:59Z")) {
            assertRefused(postJson("[" + valid + ",{\"asset\":\"" + asset + "\",\"timestamp\":\"" + timestamp
                    + "\"}]"), 400, "rows[1].timestamp");
            assertRefused(post(asset + ",one-way," + at + "\n" + asset + ",one-way," + timestamp + "\n", "text/csv"),
                    400, "rows[1].timestamp");
        }
        assertRefused(post(valid, "application/json", "?known_at=%2B294277-01-01T00:00:00Z"), 400, "known_at");
    }

    @Test
    void the_content_type_is_a_media_type_any_case_with_parameters() throws IOException {
        String csv = asset + ",one-way," + at + "\n";
        for (String type : List.of("TEXT/CSV", "text/csv; charset=UTF-8", "Text/Csv;charset=\"utf-8\"",
                "text/csv;charset=ISO-8859-1")) {
            RawHttp.Response response = post(csv, type);
            assertThat(response.status()).as(type).isEqualTo(200);
            assertThat(json.readTree(response.text().lines().findFirst().orElseThrow()).get("found").asBoolean())
                    .as(type).isTrue();
        }
        for (String type : List.of("APPLICATION/JSON", "application/json;charset=utf-8")) {
            assertThat(post("[" + valid + "]", type).status()).as(type).isEqualTo(200);
        }
    }

    @Test
    void another_media_type_is_a_415_naming_the_content_type() throws IOException {
        for (String type : List.of("text/csvx", "text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "text/csv; charset=no-such-charset", "not a media type",
                "text/" + "c".repeat(3_000))) {
            RawHttp.Response response = post("[" + valid + "]", type);

            assertRefused(response, 415, "Content-Type");
        }
    }

    @Test
    void a_multipart_form_upload_is_a_415_not_a_500() throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rows.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + asset + ",one-way," + at + "\r\n--b--\r\n";

        assertRefused(post(body, "multipart/form-data; boundary=b"), 415, "Content-Type");
    }

    @Test
    void a_19_mb_asset_is_a_small_400_read_no_further_than_the_bound() throws IOException {
        String start = "[{\"asset\":\"";
        String end = "\",\"timestamp\":\"" + at + "\"}]";
        long size = start.length() + 19_000_000L + end.length();

        RawHttp.Response response = new RawHttp(port).send(head("application/json", size, ""),
                concat(start, repeat('A', 19_000_000), end));

        assertRefused(response, 400, "rows[0]");
    }

    @Test
    void a_300_mb_csv_row_is_a_small_400_read_no_further_than_the_bound() throws IOException {
        long digits = 300L * 1024 * 1024;
        String start = asset + ",one-way,";
        long size = start.length() + digits + 1;

        long started = System.nanoTime();
        RawHttp.Response response = new RawHttp(port).send(head("text/csv", size, ""),
                concat(start, repeat('9', digits), "\n"));

        assertRefused(response, 400, "rows[0]");
        assertThat(response.text()).contains("at most 256 characters");
        assertThat((System.nanoTime() - started) / 1e9).as("seconds: the body is not read to its end")
                .isLessThan(20);
    }

    @Test
    void a_body_announced_beyond_the_limit_is_a_413_before_it_is_read() throws IOException {
        RawHttp.Response response = new RawHttp(port).send(head("text/csv", 600L * 1024 * 1024, ""),
                (asset + ",one-way," + at + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("max-body-size");
    }

    private RawHttp.Response postJson(String body) {
        return post(body, "application/json");
    }

    private RawHttp.Response post(String body, String contentType) {
        return post(body, contentType, "");
    }

    private RawHttp.Response post(String body, String contentType, String query) {
        byte[] bytes = body.getBytes(contentType.toLowerCase().contains("iso-8859-1") ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_8);
        return new RawHttp(port).send(head(contentType, bytes.length, query), bytes);
    }

    private static String head(String contentType, long length, String query) {
        return "POST /api/v1/training/position-states" + query + " HTTP/1.1\r\nX-API-Key: " + API_KEY
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length;
    }

    private void assertRefused(RawHttp.Response response, int status, String parameter) throws IOException {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.bodyLength()).as("a small answer").isLessThan(1024);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("parameter").asText()).as(response.text()).isEqualTo(parameter);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private static InputStream concat(String head, InputStream middle, String tail) {
        return new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), middle,
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
    }

    /** {@code count} bytes of {@code c}, made as they are read. */
    private static InputStream repeat(char c, long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                return left-- > 0 ? c : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) c);
                left -= n;
                return n;
            }
        };
    }
}
