package com.ytrader.positionmanager.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import com.ytrader.positionmanager.query.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, generated corpus of bad HTTP input against the running application (query side, and the command side's
 * two POST endpoints, in one JVM): decimals, timestamps, paths, headers, bodies, content types and keys, every case
 * of the hardening issue among them, with valid requests interleaved. Every answer is a 2xx or a 4xx, every error a
 * problem+json of less than 4 KB, no request makes the heap hold a huge value, and the valid requests answer exactly
 * as they did before the corpus ran.
 */
class BadInputCorpusTest extends QuerySideTest {

    private static final long SEED = 20261201L;
    private static final int REQUESTS = 10_000;
    private static final int MAX_ERROR_BYTES = 4096;
    /** Humongous or tenured allocations beyond this during the corpus mean a request made a huge value. */
    private static final long MAX_OLD_GENERATION_GROWTH = 512L * 1024 * 1024;

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;

    private record Request(String kind, String head, byte[] body) {
    }

    private record Answer(int status, String body) {
    }

    @Test
    void ten_thousand_bad_requests_get_small_problems_never_a_500_and_valid_ones_answer_as_before() throws Exception {
        String asset = uniqueAsset("CRP");
        Instant opened = Instant.parse("2025-03-01T00:00:00Z");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "2", "100", "0.1", opened);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.SELL, "0.5", "110", "0.1", opened.plusSeconds(60));
        String validated = uniqueAsset("CRV");
        fill(validated, PositionMode.ONE_WAY, null, validated + "-1", Side.BUY, "1", "50", "0", opened);
        awaitProjections();
        RawHttp http = new RawHttp(port);
        List<Request> valid = validRequests(asset, validated, opened);
        Map<Request, Answer> before = new LinkedHashMap<>();
        for (Request request : valid) {
            Answer answer = answer(http.send(request.head(), request.body()));
            assertThat(answer.status()).as(request.head()).isEqualTo(200);
            before.put(request, answer);
        }
        Generator generator = new Generator(new Random(SEED), asset);
        List<MemoryPoolMXBean> oldGeneration = oldGenerationPools();
        long oldBefore = oldGeneration.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        oldGeneration.forEach(MemoryPoolMXBean::resetPeakUsage);
        Map<String, Integer> kinds = new LinkedHashMap<>();
        long started = System.nanoTime();

        for (int i = 0; i < REQUESTS; i++) {
            if (i % 25 == 0) {
                Request request = valid.get((i / 25) % valid.size());
                assertThat(answer(http.send(request.head(), request.body()))).as("valid request %d: %s", i,
                        request.head()).isEqualTo(before.get(request));
                continue;
            }
            Request request = generator.next();
            kinds.merge(request.kind(), 1, Integer::sum);
            RawHttp.Response response = http.send(request.head(), request.body());
            assertWellRefused(i, request, response);
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        long oldPeak = oldGeneration.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("bad-input corpus: %d requests in %.1f s, old generation %d MB -> peak %d MB, by kind %s%n",
                REQUESTS, seconds, oldBefore >> 20, oldPeak >> 20, kinds);
        assertThat(kinds.keySet()).containsAll(Generator.KINDS);
        assertThat(oldPeak - oldBefore).as("old generation growth, bytes").isLessThan(MAX_OLD_GENERATION_GROWTH);
    }

    private void assertWellRefused(int i, Request request, RawHttp.Response response) throws IOException {
        String what = i + " " + request.kind() + ": " + abbreviated(request.head()) + " -> " + response.status() + " "
                + abbreviated(response.text());
        assertThat(response.status()).as(what).isBetween(200, 499);
        if (response.status() < 400) {
            return;
        }
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(response.bodyLength()).as(what).isLessThan(MAX_ERROR_BYTES);
        if (request.head().startsWith("HEAD ")) {
            return;
        }
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(problem.path("title").asText()).as(what).isNotBlank();
        assertThat(problem.path("detail").asText()).as(what).isNotBlank();
        if (problem.has("parameter")) {
            assertThat(problem.get("parameter").asText()).as(what).isNotBlank();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The live views carry whole minutes held until now: the one figure that moves with the clock alone. */
    private Answer answer(RawHttp.Response response) throws IOException {
        String body = response.text();
        if (response.header("Content-Type") != null && response.header("Content-Type").startsWith("application/json")) {
            JsonNode tree = json.readTree(body);
            withoutClock(tree);
            body = tree.toString();
        }
        return new Answer(response.status(), body);
    }

    private static void withoutClock(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("time_held_minutes");
        }
        node.forEach(BadInputCorpusTest::withoutClock);
    }

    /** Reads of one position, and a validation (a command) of another, whose answer does not change either. */
    private static List<Request> validRequests(String asset, String validated, Instant opened) {
        String training = "[{\"asset\":\"" + asset + "\",\"timestamp\":\"" + opened.plusSeconds(30) + "\"},"
                + "{\"asset\":\"" + asset + "\",\"mode\":\"one-way\",\"timestamp\":\"" + opened.plusSeconds(90) + "\"}]";
        String csv = "asset,mode,timestamp\n" + asset + ",one-way," + opened.plusSeconds(90) + "\n";
        return List.of(
                validGet("/api/v1/positions?asset=" + asset + "&size_min=1.5&size_max=1.5"),
                validGet("/api/v1/positions/" + asset),
                validGet("/api/v1/positions/" + asset + "/as-of?timestamp=" + opened.plusSeconds(30)),
                validGet("/api/v1/positions/" + asset + "/as-of?timestamp=" + opened.plusSeconds(90) + "&inclusive=false"),
                validGet("/api/v1/positions/" + asset + "/history?limit=10"),
                validPost("/api/v1/training/position-states", "application/json", training),
                validPost("/api/v1/training/position-states", "text/csv", csv),
                validPost("/api/v1/positions/" + validated + "/validate?fix_discrepancies=false", "text/plain", ""));
    }

    private static Request validGet(String target) {
        return new Request("valid", "GET " + target + " HTTP/1.1\r\nX-API-Key: " + API_KEY, new byte[0]);
    }

    private static Request validPost(String target, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Request("valid", "POST " + target + " HTTP/1.1\r\nX-API-Key: " + API_KEY + "\r\nContent-Type: "
                + contentType + "\r\nContent-Length: " + bytes.length, bytes);
    }

    private static List<MemoryPoolMXBean> oldGenerationPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .toList();
    }

    /** Bad requests of every kind, drawn from one seeded random source. */
    private static final class Generator {

        static final List<String> KINDS = List.of("decimal", "timestamp", "path", "header", "json-body", "csv-body",
                "content-type", "key", "command", "method");

        private static final String[] DECIMALS = {"1e999999999", "1E+2147483647", "1e-999999999", "-1e999999999",
                "1E+2147483648", "123456789012345678901", "0.0000000000000000001", "1e20", "1e-19", "abc", "", "1e",
                "NaN", "Infinity", "-Infinity", "0x10", "--1", "1,5", "1.2.3", "%00", "%2B1e99", "1_000", "١٢",
                "0E-999999999", "9".repeat(3000), "0." + "0".repeat(2000) + "1", "1" + "0".repeat(5000)};
        private static final String[] TIMESTAMPS = {"%2B294277-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
                "%2B10000-01-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-01-01T25:00:00Z", "2024-01-01", "soon",
                "", "2024-01-01T00:00:00", "2024-01-01T00:00:00%2B99:00", "9".repeat(5000),
                "2024-01-01T00:00:00.1234567890123Z", "%00", "2024-01-01T00:00:00Z%00"};
        private static final String[] PATHS = {"/api/v1/positions/BTC%2FUSDT", "/api/v1/positions/BTC\\USDT",
                "/api/v1/positions/BTC%00USDT", "/api/v1/positions/%", "/api/v1/positions/%zz",
                "/api/v1/positions//history", "/api/v1/positions/../portfolio", "/api/v1/positions/%2e%2e/portfolio",
                "/api/v1/positions/BTCUSDT;jsessionid=1", "/api/v1/positions/%C0%AF", "/api/v1/positions/%FF%FE",
                "/api/v1/positions/btcusdt", "/api/v1/positions/B", "/api/v1/positions/" + "A".repeat(7000),
                "/api/v1/positions/BTCUSDT/history?cursor=%%%", "/api/v1/positions/BTCUSDT/history?cursor=c2VxOng",
                "/api/v1/positions/BTCUSDT/history?limit=0", "/api/v1/positions/BTCUSDT/history?limit=99999999999",
                "/api/v1/positions/BTCUSDT/snapshots?offset=-1", "/api/v1/positions/BTCUSDT/snapshots?limit=abc",
                "/api/v1/portfolio?include_positions=maybe", "/api/v1/portfolio?asset=%00", "/error", "/error/x",
                "/api/v1", "/api/v1/", "/api/v1/nothing", "/actuator/metrics", "/actuator/prometheus",
                "/actuator/../api/v1/portfolio", "/%2e%2e/%2e%2e/etc/passwd", "/api/v1/positions?mode=%00",
                "/api/v1/positions?asset=" + "%E2%82%AC".repeat(900), "/api/v1/positions/BTCUSDT?mode=HEDGE"};
        private static final String[] CONTENT_TYPES = {"text/csvx", "TEXT/CSV", "text/csv; charset=UTF-8",
                "text/csv; charset=no-such", "multipart/form-data; boundary=b", "multipart/form-data",
                "application/x-www-form-urlencoded", "application/xml", "text/plain", "application/json; charset=UTF-16",
                "not-a-type", "/", "application/", "*/*", "application/json;;;", "text/" + "c".repeat(4000),
                "application/json; charset=\"", "APPLICATION/JSON", "application/problem+json"};

        private final Random random;
        private final String asset;

        Generator(Random random, String asset) {
            this.random = random;
            this.asset = asset;
        }

        Request next() {
            String kind = KINDS.get(random.nextInt(KINDS.size()));
            return switch (kind) {
                case "decimal" -> getRequest(kind, "/api/v1/positions?" + (random.nextBoolean() ? "size_min=" : "size_max=")
                        + pick(DECIMALS) + (random.nextInt(4) == 0 ? "&size_max=" + pick(DECIMALS) : ""));
                case "timestamp" -> timestamp(kind);
                case "path" -> getRequest(kind, pick(PATHS));
                case "header" -> header(kind);
                case "json-body" -> training(kind, "application/json", jsonBody());
                case "csv-body" -> training(kind, "text/csv", csvBody());
                case "content-type" -> training(kind, pick(CONTENT_TYPES),
                        random.nextBoolean() ? "[" + row("2025-03-01T00:00:30Z") + "]"
                                : asset + ",one-way,2025-03-01T00:00:30Z\n");
                case "key" -> new Request(kind, "GET /api/v1/positions/" + asset + " HTTP/1.1" + key(), new byte[0]);
                case "command" -> command(kind);
                default -> new Request(kind, pick(new String[]{"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD",
                        "PROPFIND", "GET"}) + " " + pick(new String[]{"/api/v1/portfolio", "/api/v1/positions/" + asset,
                        "/api/v1/training/position-states", "/api/v1/positions/" + asset + "/validate",
                        "/api/v1/admin/replay", "/health"}) + " HTTP/1.1\r\nX-API-Key: " + API_KEY, new byte[0]);
            };
        }

        private Request timestamp(String kind) {
            String value = pick(TIMESTAMPS);
            String target = switch (random.nextInt(5)) {
                case 0 -> "/api/v1/positions/" + asset + "/as-of?timestamp=" + value;
                case 1 -> "/api/v1/positions/" + asset + "/as-of?timestamp=2025-03-01T00:00:30Z&known_at=" + value;
                case 2 -> "/api/v1/positions/" + asset + "/history?from=" + value;
                case 3 -> "/api/v1/positions/" + asset + "/history?to=" + value + "&from=2025-01-01T00:00:00Z";
                default -> null;
            };
            if (target == null) {
                String raw = value.replace("%2B", "+").replace("%00", "\\u0000");
                return training(kind, random.nextBoolean() ? "application/json" : "text/csv", random.nextBoolean()
                        ? "[" + row("2025-03-01T00:00:30Z") + "," + row(raw) + "]"
                        : asset + ",one-way,2025-03-01T00:00:30Z\n" + asset + ",one-way," + raw + "\n");
            }
            return getRequest(kind, target);
        }

        private Request header(String kind) {
            String header = switch (random.nextInt(8)) {
                case 0 -> "X-Filler: " + "f".repeat(20_000);
                case 1 -> "Accept: " + pick(new String[]{"text/html", "application/xml", "*/*;q=abc", "garbage",
                        "text/csv", "image/png, text/html;q=0.9"});
                case 2 -> "X-Trace-Id: " + "t".repeat(random.nextInt(3000));
                case 3 -> "Accept-Charset: no-such";
                case 4 -> "Content-Type: " + pick(CONTENT_TYPES);
                case 5 -> "Accept-Language: " + "x".repeat(random.nextInt(5000));
                case 6 -> "Cookie: " + "a=b; ".repeat(random.nextInt(1000));
                default -> "Range: bytes=" + "9".repeat(100);
            };
            return new Request(kind, "GET " + pick(new String[]{"/api/v1/positions/" + asset, "/api/v1/portfolio/pnl",
                    "/api/v1/positions?size_min=1e999999999", "/error", "/nothing"}) + " HTTP/1.1\r\nX-API-Key: "
                    + API_KEY + "\r\n" + header, new byte[0]);
        }

        private String jsonBody() {
            return switch (random.nextInt(12)) {
                case 0 -> "[" + row("2025-03-01T00:00:30Z") + ", 5, " + row("x") + "]";
                case 1 -> "[[" + row("2025-03-01T00:00:30Z") + "]]";
                case 2 -> "[1,2,3]";
                case 3 -> "[" + row("2025-03-01T00:00:30Z") + "] trailing";
                case 4 -> "[{\"asset\":\"" + asset + "\",\"asset\":\"BTCUSDT\",\"timestamp\":\"2025-03-01T00:00:30Z\"}]";
                case 5 -> "[{\"asset\":\"" + "A".repeat(random.nextInt(1_000_000)) + "\",\"timestamp\":\"x\"}]";
                case 6 -> "[" + "[".repeat(random.nextInt(5000)) + "]";
                case 7 -> "{\"rows\":[" + row("2025-03-01T00:00:30Z") + "]}";
                case 8 -> "[{\"asset\":" + "9".repeat(random.nextInt(5000) + 1) + "}]";
                case 9 -> "[{\"" + "k".repeat(random.nextInt(5000)) + "\":1}]";
                case 10 -> randomText(random.nextInt(500));
                default -> "[" + row("2025-03-01T00:00:30Z") + ",{\"asset\":\"" + asset + "\",\"mode\":\"sideways\","
                        + "\"timestamp\":\"2025-03-01T00:00:30Z\"}]";
            };
        }

        private String csvBody() {
            return switch (random.nextInt(8)) {
                case 0 -> asset + ",one-way," + "9".repeat(random.nextInt(1_500_000)) + "\n";
                case 1 -> "asset,asset,timestamp\n" + asset + ",one-way,2025-03-01T00:00:30Z\n";
                case 2 -> asset + ",one-way\n";
                case 3 -> asset + ",one-way,2025-03-01T00:00:30Z,extra\n";
                case 4 -> "\"" + asset + "\",one-way,2025-03-01T00:00:30Z\n";
                case 5 -> "a".repeat(random.nextInt(300)) + "," + "b".repeat(random.nextInt(300)) + ",c\n";
                case 6 -> asset + ",hedge-ish,2025-03-01T00:00:30Z\n";
                default -> randomText(random.nextInt(500));
            };
        }

        private String row(String timestamp) {
            return "{\"asset\":\"" + asset + "\",\"mode\":\"one-way\",\"timestamp\":\"" + timestamp + "\"}";
        }

        private Request training(String kind, String contentType, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Request(kind, "POST /api/v1/training/position-states HTTP/1.1\r\nX-API-Key: " + API_KEY
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length, bytes);
        }

        private String key() {
            return switch (random.nextInt(5)) {
                case 0 -> "";
                case 1 -> "\r\nX-API-Key: ";
                case 2 -> "\r\nX-API-Key: " + "k".repeat(random.nextInt(6000));
                case 3 -> "\r\nX-API-Key: " + API_KEY + "x";
                default -> "\r\nX-API-Key: " + API_KEY + "\r\nX-API-Key: wrong";
            };
        }

        private Request command(String kind) {
            String target = "/api/v1/positions/" + pick(new String[]{"btc", "B", "A".repeat(5000), "NOSUCHASSET1",
                    "BTC%2FUSDT", "BTC%00"}) + pick(new String[]{"/validate", "/snapshot"})
                    + pick(new String[]{"", "?mode=both", "?mode=%00", "?fix_discrepancies=maybe", "?mode=hedge",
                    "?fix_discrepancies=" + "t".repeat(3000)});
            return new Request(kind, "POST " + target + " HTTP/1.1" + (random.nextInt(4) == 0 ? "" : "\r\nX-API-Key: "
                    + API_KEY) + "\r\nContent-Length: 0", new byte[0]);
        }

        private Request getRequest(String kind, String target) {
            return new Request(kind, "GET " + target + " HTTP/1.1\r\nX-API-Key: " + API_KEY, new byte[0]);
        }

        private String randomText(int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append((char) (random.nextInt(0x7f - 0x20) + 0x20));
            }
            return text.toString();
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
