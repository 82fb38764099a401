package com.ytrader.positionmanager.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ApplyOrderState;
import com.ytrader.positionmanager.command.position.TakeSnapshot;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.processing.ReadModels;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadModelReplayTest extends QuerySideTest {

    private static final String ADMIN_KEY = "admin-test-key";
    /**
     * Each read model with its primary key and the condition that picks this test's positions: the replay rebuilds
     * the whole store, but other tests (and other processes) may append to the shared database meanwhile.
     */
    private static final Map<String, String[]> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("positions", new String[]{"id", "asset IN (:assets)"});
        TABLES.put("position_orders", new String[]{"id",
                "position_id IN (SELECT id FROM positions WHERE asset IN (:assets))"});
        TABLES.put("position_snapshots", new String[]{"id", "asset IN (:assets)"});
        TABLES.put("position_timeline", new String[]{"position_id, sequence_number", "asset IN (:assets)"});
    }

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;

    @Test
    void truncate_and_replay_rebuilds_byte_identical_read_model_tables() {
        Random random = new Random(11);
        Instant t0 = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        List<String> assets = List.of(uniqueAsset("RPA"), uniqueAsset("RPB"), uniqueAsset("RPC"));
        // a snapshot is taken of a position that exists
        assets.forEach(asset -> fill(asset, PositionMode.ONE_WAY, null, asset + "-open", Side.BUY, "1", "100", "0",
                t0.minusSeconds(1)));
        for (int i = 0; i < 60; i++) {
            String asset = assets.get(random.nextInt(assets.size()));
            Instant at = t0.plusSeconds(i * 10L + random.nextInt(20));
            String price = Integer.toString(95 + random.nextInt(10));
            String quantity = BigDecimal.valueOf(1 + random.nextInt(20), 1).toPlainString();
            int kind = random.nextInt(9);
            if (kind < 3) {
                fill(asset, PositionMode.ONE_WAY, null, asset + "-" + i, random.nextBoolean() ? Side.BUY : Side.SELL,
                        quantity, price, "0.01", at);
            } else if (kind == 3) {
                report(asset, PositionMode.ONE_WAY, 0, "0", null, price, "1", "0", i + 1, at);
            } else if (kind == 4) {
                commands.sendAndWait(TakeSnapshot.of(asset, PositionMode.ONE_WAY, asset + "-snap-" + i, at));
            } else if (kind == 5) {
                // a fee in the base coin, and now and then the exchange's own move
                commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-" + i, "o-" + i,
                        random.nextBoolean() ? Side.BUY : Side.SELL, new BigDecimal(quantity), new BigDecimal(price),
                        new BigDecimal("0.00001"), at, null, "BTC",
                        random.nextBoolean() ? CloseReason.LIQUIDATED : null));
            } else if (kind == 6) {
                // an order's state, then the same execution again: already counted
                String order = asset + "-order-" + i;
                commands.sendAndWait(ApplyOrderState.of(asset, PositionMode.ONE_WAY, null, order, Side.BUY,
                        new BigDecimal(quantity), new BigDecimal(price), BigDecimal.ZERO, at));
                commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-exec-" + i, order,
                        Side.BUY, new BigDecimal(quantity), new BigDecimal(price), BigDecimal.ZERO, at));
            } else if (kind == 7) {
                // each hedge leg only grows: a leg cannot flip
                int leg = random.nextBoolean() ? 1 : 2;
                fill(asset, PositionMode.HEDGE, leg, asset + "-" + i, leg == 1 ? Side.BUY : Side.SELL, quantity,
                        price, "0.02", at);
            } else {
                report(asset, PositionMode.HEDGE, 1 + random.nextInt(2), "0", null, price, "1", "-0.5", i + 1, at);
            }
        }
        awaitProjections();
        Map<String, List<String>> before = dump(assets);
        assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        List<String> indexesBefore = indexes();

        assertThat(admin("POST").get("status").asText()).isEqualTo("running");
        assertThat(get("/api/v1/positions/" + assets.get(0)).status()).isIn(200, 503);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin("GET").get("status").asText().equals("completed"));
        JsonNode progress = admin("GET");
        assertThat(progress.get("events_done").asLong()).isEqualTo(progress.get("events_total").asLong());
        assertThat(indexes()).as("the indexes dropped for the replay are built before it completes")
                .isEqualTo(indexesBefore);
        assertThat(jdbc.queryForList("SELECT index_name FROM read_model_deferred_indexes", String.class)).isEmpty();

        Map<String, List<String>> after = dump(assets);
        TABLES.keySet().forEach(table -> assertThat(after.get(table)).as(table)
                .containsExactlyElementsOf(before.get(table)));
    }

    /** The same rebuild through Axon's own reset of the processor's tokens, over closed lifecycles of both modes. */
    @Test
    void resetting_the_processors_tokens_rebuilds_identical_tables_closed_lifecycles_included() {
        String asset = uniqueAsset("RPL");
        Instant t0 = Instant.now().minusSeconds(600);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "10", "0.01", t0);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.SELL, "3", "11", "0.02", t0.plusSeconds(1));
        report(asset, PositionMode.ONE_WAY, 0, "-2", "11", "12", "-2", "0.97", 1, t0.plusSeconds(2));
        fill(asset, PositionMode.HEDGE, 1, asset + "-3", Side.BUY, "1", "10", "0", t0.plusSeconds(3));
        fill(asset, PositionMode.HEDGE, 1, asset + "-4", Side.SELL, "1", "10", "0", t0.plusSeconds(4));
        fill(asset, PositionMode.HEDGE, 2, asset + "-5", Side.SELL, "2", "12", "0.01", t0.plusSeconds(5));
        fill(asset, PositionMode.HEDGE, 1, asset + "-6", Side.BUY, "1", "11", "0", t0.plusSeconds(6));
        report(asset, PositionMode.HEDGE, 2, "-2", "12", "11.5", "1", "-0.01", 9, t0.plusSeconds(7));
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-7", "order-" + asset + "-7",
                Side.BUY, new BigDecimal("2"), new BigDecimal("13"), new BigDecimal("0.0001"), t0.plusSeconds(8), null,
                "BTC", CloseReason.LIQUIDATED));
        awaitProjections();
        Map<String, List<String>> before = dump(List.of(asset));
        assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        assertThat(jdbc.queryForObject("SELECT close_reason FROM positions WHERE asset = ? AND mode = 'one-way'",
                String.class, asset)).as("the one-way position was liquidated").isEqualTo("liquidated");

        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitProjections();

        Map<String, List<String>> after = dump(List.of(asset));
        TABLES.keySet().forEach(table -> assertThat(after.get(table)).as(table)
                .containsExactlyElementsOf(before.get(table)));
    }

    @Test
    void replay_needs_an_admin_key() {
        int refused = RestClient.create("http://127.0.0.1:" + port).post().uri("/api/v1/admin/replay")
                .header("X-API-Key", API_KEY)
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(refused).isEqualTo(403);
        assertThat(get("/api/v1/admin/replay").status()).isEqualTo(403);
    }

    private JsonNode admin(String method) {
        RestClient client = RestClient.create("http://127.0.0.1:" + port);
        RestClient.RequestHeadersSpec<?> request = method.equals("POST")
                ? client.post().uri("/api/v1/admin/replay") : client.get().uri("/api/v1/admin/replay");
        return request.header("X-API-Key", ADMIN_KEY)
                .exchange((req, response) -> json.readTree(response.getBody()));
    }

    /** Every index of the read models, with its definition. */
    private List<String> indexes() {
        return jdbc.queryForList("SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE tablename = ANY (?) "
                + "ORDER BY indexname", String.class, (Object) TABLES.keySet().toArray(String[]::new));
    }

    /**
     * Every row of the assets' read models as PostgreSQL prints it, in primary-key order; without the transaction
     * that wrote it ({@code written_xid}), which tells readers what changed and is not part of the model.
     */
    private Map<String, List<String>> dump(List<String> assets) {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        Map<String, List<String>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, keyAndFilter) -> tables.put(table, named.queryForList(
                "SELECT (to_jsonb(t) - 'written_xid')::text FROM " + table + " t WHERE " + keyAndFilter[1] + " ORDER BY " + keyAndFilter[0],
                Map.of("assets", assets), String.class)));
        return tables;
    }
}
