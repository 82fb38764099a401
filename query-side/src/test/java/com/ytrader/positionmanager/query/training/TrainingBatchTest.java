package com.ytrader.positionmanager.query.training;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.api.PositionFields;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionStatus;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.asof.AsOfResponse;
import com.ytrader.positionmanager.query.position.PositionResponse;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingBatchTest extends QuerySideTest {

    private static final PositionMode ONE_WAY = PositionMode.ONE_WAY;

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;

    private String a;
    private String b;
    private Instant base;

    /**
     * Two positions before anything else in the store took effect, so that at these instants they are the whole
     * portfolio: A opens at base (1 @ 100) and is marked at 100 at +10 s; B opens at +20 s (2 @ 50), marked 50 at +30 s.
     */
    @BeforeEach
    void twoPositionsAloneInTheirTime() {
        Timestamp earliest = jdbc.queryForObject("SELECT min(effective_time) FROM position_timeline", Timestamp.class);
        base = (earliest == null ? Instant.parse("2020-01-01T00:00:00Z") : earliest.toInstant())
                .minusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        a = uniqueAsset("TRA");
        b = uniqueAsset("TRB");
        fill(a, ONE_WAY, null, a + "-1", Side.BUY, "1", "100", "0", base);
        report(a, ONE_WAY, 0, "1", "100", "100", "0", "0", 1, base.plusSeconds(10));
        fill(b, ONE_WAY, null, b + "-1", Side.BUY, "2", "50", "0", base.plusSeconds(20));
        report(b, ONE_WAY, 0, "2", "50", "50", "0", "0", 1, base.plusSeconds(30));
        awaitProjections();
    }

    private record Ask(String asset, int seconds, String size, String norm) {
    }

    /** Input order is not time order; expectations are strictly-before (inclusive=false). */
    private List<Ask> asks() {
        return List.of(
                new Ask(a, 30, "1", "1"),        // B's mark at +30 s is not before +30 s: B has no price yet
                new Ask(a, 40, "1", "0.5"),      // 100 of 200
                new Ask(a, 0, null, null),       // A's own opening fill at base is not before base
                new Ask(a, 15, "1", "1"),
                new Ask(b, 10, null, null),
                new Ask(b, 30, "2", null),       // no price of B yet
                new Ask(b, 31, "2", "0.5"),
                new Ask(a, 10, "1", null));      // A's mark at +10 s is not before +10 s
    }

    @Test
    void ndjson_rows_come_back_in_input_order_strictly_before_each_timestamp_with_the_portfolio_of_that_instant() {
        List<Ask> asks = asks();
        StringBuilder body = new StringBuilder("[");
        for (Ask ask : asks) {
            body.append(body.length() > 1 ? "," : "").append("{\"asset\":\"").append(ask.asset())
                    .append("\",\"mode\":\"one-way\",\"timestamp\":\"").append(base.plusSeconds(ask.seconds()))
                    .append("\"}");
        }
        String result = post(body.append("]").toString(), "application/json", "application/x-ndjson");
        String[] lines = result.split("\n");
        assertThat(lines).hasSize(asks.size());
        for (int i = 0; i < asks.size(); i++) {
            JsonNode line = read(lines[i]);
            Ask ask = asks.get(i);
            assertThat(line.get("row").asInt()).isEqualTo(i);
            assertThat(line.get("asset").asText()).isEqualTo(ask.asset());
            assertThat(line.get("found").asBoolean()).as("row %d", i).isEqualTo(ask.size() != null);
            if (ask.size() == null) {
                continue;
            }
            assertDecimal(line.get("size"), ask.size());
            assertNorm(line.get("position_size_norm"), ask.norm(), i);
            // the same state as the single as-of endpoint: one computation
            JsonNode single = asOf(ask.asset(), ONE_WAY, base.plusSeconds(ask.seconds()), false, null).body();
            single.fieldNames().forEachRemaining(field ->
                    assertThat(line.get(field)).as("row %d %s", ask.seconds(), field).isEqualTo(single.get(field)));
        }
    }

    @Test
    void csv_in_and_out_keeps_input_order_strictly_before_each_timestamp() {
        List<Ask> asks = asks();
        StringBuilder body = new StringBuilder("asset,mode,timestamp\n");
        for (Ask ask : asks) {
            body.append(ask.asset()).append(",one-way,").append(base.plusSeconds(ask.seconds())).append('\n');
        }
        String[] lines = post(body.toString(), "text/csv", "text/csv").split("\n");
        assertThat(lines[0]).startsWith("row,found,asset,mode,as_of,sequence_number,size,")
                .as("the columns added later come last").endsWith(",last_snapshot_at,long_entry_price,"
                        + "short_entry_price,long_realized_pnl,short_realized_pnl,exchange_size,exchange_realized_pnl,"
                        + "exchange_seq,total_fees,close_reason,price_source,price_updated_at,price_stale,"
                        + "break_even_price,exchange_break_even_price,leverage,liq_price,liq_price_estimated,"
                        + "position_value,position_status,liquidation_distance_pct,fees_by_currency");
        List<String> header = List.of(lines[0].split(",", -1));
        assertThat(lines).hasSize(asks.size() + 1);
        for (int i = 0; i < asks.size(); i++) {
            String[] cells = lines[i + 1].split(",", -1);
            Ask ask = asks.get(i);
            assertThat(cells).hasSize(header.size());
            assertThat(cells[header.indexOf("row")]).isEqualTo(Integer.toString(i));
            assertThat(cells[header.indexOf("found")]).isEqualTo(Boolean.toString(ask.size() != null));
            if (ask.size() != null) {
                assertThat(new BigDecimal(cells[header.indexOf("size")])).isEqualByComparingTo(ask.size());
                String norm = cells[header.indexOf("position_size_norm")];
                if (ask.norm() == null) {
                    assertThat(norm).as("row %d", i).isEmpty();
                } else {
                    assertThat(new BigDecimal(norm)).as("row %d", i).isEqualByComparingTo(ask.norm());
                }
            }
        }
    }

    @Test
    void rows_carry_the_legs_the_exchange_figures_the_fees_and_the_close_reason_in_ndjson_and_csv() {
        String hedge = uniqueAsset("TRH") + "USDT";
        String liquidated = uniqueAsset("TRL") + "USDT";
        Instant t = base.plusSeconds(100);
        fill(hedge, PositionMode.HEDGE, 1, hedge + "-1", Side.BUY, "2", "100", "0", t);
        fill(hedge, PositionMode.HEDGE, 2, hedge + "-2", Side.SELL, "1", "120", "0.5", t.plusSeconds(1));
        report(hedge, PositionMode.HEDGE, 2, "-1", "120", "118", "2", "-0.5", 31, t.plusSeconds(2));
        commands.sendAndWait(ApplyFill.of(liquidated, ONE_WAY, null, liquidated + "-1", "o-" + liquidated, Side.BUY,
                new BigDecimal("1"), new BigDecimal("10"), new BigDecimal("0.0001"), t, null, "BTC", null));
        commands.sendAndWait(ApplyFill.of(liquidated, ONE_WAY, null, liquidated + "-2", "o2-" + liquidated, Side.BUY,
                new BigDecimal("1"), new BigDecimal("10"), new BigDecimal("0.002"), t.plusSeconds(1), null, "ETH",
                null));
        commands.sendAndWait(ApplyFill.of(liquidated, ONE_WAY, null, liquidated + "-liq", "liq-" + liquidated,
                Side.SELL, new BigDecimal("2"), new BigDecimal("8"), BigDecimal.ZERO, t.plusSeconds(2), null, null,
                CloseReason.LIQUIDATED));
        awaitProjections();
        Instant at = t.plusSeconds(3);
        String request = "[{\"asset\":\"" + hedge + "\",\"mode\":\"hedge\",\"timestamp\":\"" + at + "\"},"
                + "{\"asset\":\"" + liquidated + "\",\"mode\":\"one-way\",\"timestamp\":\"" + at + "\"}]";

        String[] lines = post(request, "application/json", "application/x-ndjson").split("\n");
        JsonNode legs = read(lines[0]);
        assertThat(legs.get("average_entry_price").isNull()).isTrue();
        assertDecimal(legs.get("long_entry_price"), "100");
        assertDecimal(legs.get("short_entry_price"), "120");
        assertDecimal(legs.get("long_realized_pnl"), "0");
        assertDecimal(legs.get("short_realized_pnl"), "-0.5");
        assertDecimal(legs.get("exchange_size"), "-1");
        assertDecimal(legs.get("exchange_realized_pnl"), "-0.5");
        assertThat(legs.get("exchange_seq").asLong()).isEqualTo(31);
        assertDecimal(legs.get("total_fees"), "0.5");
        JsonNode closed = read(lines[1]);
        assertThat(closed.get("close_reason").asText()).isEqualTo("liquidated");
        assertDecimal(closed.get("fees_by_currency").get("BTC"), "0.0001");
        assertDecimal(closed.get("fees_by_currency").get("ETH"), "0.002");
        assertDecimal(closed.get("total_fees"), "0");
        for (JsonNode line : List.of(legs, closed)) {
            JsonNode single = asOf(line.get("asset").asText(), PositionMode.fromWireName(line.get("mode").asText()),
                    at, false, null).body();
            single.fieldNames().forEachRemaining(field ->
                    assertThat(line.get(field)).as("%s %s", line.get("asset"), field).isEqualTo(single.get(field)));
        }

        String csv = "asset,mode,timestamp\n" + hedge + ",hedge," + at + "\n" + liquidated + ",one-way," + at + "\n";
        String[] rows = post(csv, "text/csv", "text/csv").split("\n");
        List<String> header = List.of(rows[0].split(",", -1));
        assertThat(header.get(header.size() - 1)).isEqualTo("fees_by_currency");
        String[] hedgeCells = rows[1].split(",", -1);
        assertThat(hedgeCells).hasSize(header.size());
        assertThat(hedgeCells[header.indexOf("average_entry_price")]).isEmpty();
        assertThat(new BigDecimal(hedgeCells[header.indexOf("long_entry_price")])).isEqualByComparingTo("100");
        assertThat(new BigDecimal(hedgeCells[header.indexOf("short_entry_price")])).isEqualByComparingTo("120");
        assertThat(new BigDecimal(hedgeCells[header.indexOf("short_realized_pnl")])).isEqualByComparingTo("-0.5");
        assertThat(hedgeCells[header.indexOf("price_source")]).isEqualTo("websocket");
        assertThat(Instant.parse(hedgeCells[header.indexOf("price_updated_at")])).isEqualTo(t.plusSeconds(2));
        assertThat(hedgeCells[header.indexOf("price_stale")]).as("quoted a second before the instant asked")
                .isEqualTo("false");
        assertThat(new BigDecimal(hedgeCells[header.indexOf("exchange_size")])).isEqualByComparingTo("-1");
        assertThat(hedgeCells[header.indexOf("exchange_seq")]).isEqualTo("31");
        assertThat(new BigDecimal(hedgeCells[header.indexOf("total_fees")])).isEqualByComparingTo("0.5");
        assertThat(hedgeCells[header.indexOf("close_reason")]).isEmpty();
        assertThat(hedgeCells[header.indexOf("fees_by_currency")]).isEqualTo("{}");
        // the fees object is one quoted field (RFC 4180), the last: the cells before it split as always
        String quotedFees = "\"{\"\"BTC\"\":\"\"0.0001\"\",\"\"ETH\"\":\"\"0.002\"\"}\"";
        assertThat(rows[2]).endsWith("," + quotedFees);
        String[] closedCells = rows[2].substring(0, rows[2].length() - quotedFees.length() - 1).split(",", -1);
        assertThat(closedCells).hasSize(header.size() - 1);
        assertThat(closedCells[header.indexOf("close_reason")]).isEqualTo("liquidated");
        assertThat(closedCells[header.indexOf("exchange_size")]).as("never reported").isEmpty();
        assertThat(closedCells[header.indexOf("exchange_seq")]).isEmpty();
    }

    @Test
    void a_bad_row_is_a_400_naming_it() {
        String body = "[{\"asset\":\"" + a + "\",\"timestamp\":\"" + base + "\"},{\"asset\":\"" + a
                + "\",\"timestamp\":\"soon\"}]";
        JsonNode problem = RestClient.create("http://127.0.0.1:" + port).post()
                .uri("/api/v1/training/position-states").header("X-API-Key", API_KEY)
                .header("Content-Type", "application/json").body(body)
                .exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(400);
                    return json.readTree(response.getBody());
                });
        assertThat(problem.get("parameter").asText()).isEqualTo("rows[1].timestamp");
    }

    /** The shapes the API's object mapper gives a training row: {@code row}, {@code found}, the as-of fields. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Found(int row, boolean found, @JsonUnwrapped AsOfResponse state) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Missing(int row, boolean found, String asset, PositionMode mode, Instant asOf) {
    }

    @Test
    void ndjson_lines_are_byte_for_byte_what_the_api_object_mapper_writes_for_the_as_of_response() throws Exception {
        PositionResponse full = new PositionResponse(UUID.randomUUID(), "BTCUSDT", PositionMode.HEDGE,
                new PositionFields(new BigDecimal("-1.500000000000000000"),
                        new BigDecimal("50520.394751265355120165"), new BigDecimal("100.000000000000000000"),
                        new BigDecimal("0E-18"), new BigDecimal("-12.5"), new BigDecimal("1.000"),
                        new BigDecimal("2.5E+3"), new BigDecimal("100.50"), new BigDecimal("0E-18"),
                        new BigDecimal("-3.250000000000000000"), new BigDecimal("7"), new BigDecimal("-1.5"),
                        new BigDecimal("12.000000000000000001"), 99L, new BigDecimal("0.700"),
                        new TreeMap<>(Map.of("BTC", new BigDecimal("0.000100000000000000"), "ETH",
                                new BigDecimal("2E-8"), "\u00dcn\u00efcode \"quoted\"\\\n\u0001", BigDecimal.ONE)),
                        CloseReason.LIQUIDATED, PriceSource.REST, Instant.parse("2026-01-01T00:00:00.250Z"),
                        new BigDecimal("50521.5"), new BigDecimal("50522.000"), new BigDecimal("10"),
                        new BigDecimal("45000.1"), true, new BigDecimal("75780.59"), PositionStatus.LIQ,
                        new BigDecimal("-12.345000000000000000")),
                new BigDecimal("0.01000000"), 1234L, new BigDecimal("0.33333333"), true, 42,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.100Z"), Instant.parse("2026-01-01T00:00:00.000123Z"),
                Instant.parse("2026-01-01T00:00:00.000000007Z"), Instant.parse("1969-12-31T23:59:59.5Z"), null, null);
        PositionResponse sparse = new PositionResponse(UUID.randomUUID(), "ETHUSDT", ONE_WAY,
                new PositionFields(BigDecimal.ZERO, null, null, BigDecimal.ZERO, BigDecimal.ONE, null, null, null,
                        null, null, null, null, null, null, BigDecimal.ZERO, new TreeMap<>(), null, null, null, null,
                        null, null, null, null, null, null, null),
                null, null, null, false, 0, Instant.parse("2026-01-01T00:00:00Z"), null,
                Instant.parse("2026-01-01T00:00:01Z"), null, null, null, null);
        TrainingFormat format = new TrainingFormat.NdJson();
        for (AsOfResponse state : List.of(
                new AsOfResponse(full, 7, Instant.parse("2026-01-02T03:04:05.678901Z"), true, null),
                new AsOfResponse(sparse, 1, Instant.parse("2026-01-02T03:04:05Z"), false,
                        Instant.parse("2026-01-03T00:00:00.5Z")))) {
            TextLine line = new TextLine();
            format.found(12, state, line);
            assertThat(text(line)).isEqualTo(json.writeValueAsString(new Found(12, true, state)) + "\n");
        }
        TextLine line = new TextLine();
        Instant asOf = Instant.parse("2026-01-02T03:04:05.600Z");
        format.missing(3, "BTCUSDT", PositionMode.HEDGE, asOf, line);
        assertThat(text(line))
                .isEqualTo(json.writeValueAsString(new Missing(3, false, "BTCUSDT", PositionMode.HEDGE, asOf)) + "\n");
    }

    private static String text(TextLine line) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private void assertNorm(JsonNode actual, String expected, int row) {
        if (expected == null) {
            assertThat(actual == null || actual.isNull()).as("row %d", row).isTrue();
        } else {
            assertDecimal(actual, expected);
        }
    }

    private String post(String body, String contentType, String accept) {
        return RestClient.create("http://127.0.0.1:" + port).post()
                .uri("/api/v1/training/position-states?inclusive=false")
                .header("X-API-Key", API_KEY).header("Content-Type", contentType).header("Accept", accept)
                .body(body).retrieve().body(String.class);
    }

    private JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
