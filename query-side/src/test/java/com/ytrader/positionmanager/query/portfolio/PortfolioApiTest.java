package com.ytrader.positionmanager.query.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.eventstore.StoredTokens;
import com.ytrader.positionmanager.query.limits.LimitEventsOnTheQueue;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio formulas on hand-computed positions. Three positions on two fresh assets:
 * <pre>
 * A one-way  long 2 (mark 110)   exposure 220  value  220  unrealized  20
 * A hedge    short 1 (mark 110)  exposure 110  value -110  unrealized -10
 * B one-way  short 3 (mark 40)   exposure 120  value -120  unrealized  30  realized 5
 * </pre>
 */
class PortfolioApiTest extends QuerySideTest {

    private final Instant now = Instant.now();

    @LocalServerPort
    private int port;
    @Autowired
    private RabbitTemplate rabbit;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private StoredTokens tokens;

    @Test
    void portfolio_of_one_asset_follows_the_spec_formulas() {
        String a = threePositions()[0];

        JsonNode portfolio = get("/api/v1/portfolio?asset=" + a).body();

        assertDecimal(portfolio.get("total_exposure_usdt"), "330");
        assertDecimal(portfolio.get("total_unrealized_pnl_usdt"), "10");
        assertDecimal(portfolio.get("total_realized_pnl_usdt"), "0");
        assertDecimal(portfolio.get("portfolio_value_usdt"), "110");
        assertThat(portfolio.get("open_positions_count").asLong()).isEqualTo(2);
        assertThat(portfolio.get("long_positions_count").asLong()).isEqualTo(1);
        assertThat(portfolio.get("short_positions_count").asLong()).isEqualTo(1);
        // long exposure 220 - short exposure 110
        assertDecimal(portfolio.get("net_exposure_usdt"), "110");
        assertThat(portfolio.get("by_asset").size()).isEqualTo(1);
        assertDecimal(portfolio.get("by_asset").get(a).get("exposure_usdt"), "330");
        assertDecimal(portfolio.get("by_asset").get(a).get("unrealized_pnl_usdt"), "10");
        assertDecimal(portfolio.get("by_asset").get(a).get("size"), "1");
        assertThat(portfolio.has("positions")).as("only when include_positions=true").isFalse();
        assertThat(portfolio.get("calculated_at").asText()).endsWith("Z");
    }

    @Test
    void whole_portfolio_grows_by_exactly_the_new_positions() {
        JsonNode before = get("/api/v1/portfolio").body();
        String[] assets = threePositions();

        JsonNode after = get("/api/v1/portfolio").body();

        assertThat(delta(after, before, "total_exposure_usdt")).isEqualByComparingTo("450");
        assertThat(delta(after, before, "total_unrealized_pnl_usdt")).isEqualByComparingTo("40");
        assertThat(delta(after, before, "total_realized_pnl_usdt")).isEqualByComparingTo("5");
        assertThat(delta(after, before, "portfolio_value_usdt")).isEqualByComparingTo("-10");
        // long exposure +220, short exposure +230
        assertThat(delta(after, before, "net_exposure_usdt")).isEqualByComparingTo("-10");
        assertThat(after.get("open_positions_count").asLong() - before.get("open_positions_count").asLong())
                .isEqualTo(3);
        assertThat(after.get("long_positions_count").asLong() - before.get("long_positions_count").asLong())
                .isEqualTo(1);
        assertThat(after.get("short_positions_count").asLong() - before.get("short_positions_count").asLong())
                .isEqualTo(2);
        assertDecimal(after.get("by_asset").get(assets[1]).get("exposure_usdt"), "120");
        assertDecimal(after.get("by_asset").get(assets[1]).get("size"), "-3");

        JsonNode exposure = get("/api/v1/portfolio/exposure").body();
        assertThat(exposure.get("total_exposure_usdt").asText()).isEqualTo(after.get("total_exposure_usdt").asText());
        JsonNode pnl = get("/api/v1/portfolio/pnl").body();
        assertThat(new BigDecimal(pnl.get("total_pnl_usdt").asText())).isEqualByComparingTo(
                new BigDecimal(pnl.get("total_unrealized_pnl_usdt").asText())
                        .add(new BigDecimal(pnl.get("total_realized_pnl_usdt").asText())));
        assertThat(pnl.get("total_realized_pnl_usdt").asText())
                .isEqualTo(after.get("total_realized_pnl_usdt").asText());
    }

    @Test
    void position_features_use_entry_notional_and_total_exposure() {
        String b = threePositions()[1];

        JsonNode portfolio = get("/api/v1/portfolio?asset=" + b + "&include_positions=true").body();

        assertThat(portfolio.get("positions").size()).isEqualTo(1);
        JsonNode position = portfolio.get("positions").get(0);
        // 30 / (3 * 50) * 100
        assertDecimal(position.get("unrealized_pnl_pct"), "20");
        BigDecimal totalExposure = new BigDecimal(get("/api/v1/portfolio/exposure").body()
                .get("total_exposure_usdt").asText());
        assertDecimal(position.get("position_size_norm"),
                new BigDecimal("120").divide(totalExposure, 8, RoundingMode.HALF_EVEN).toPlainString());
        assertThat(position.get("time_held_minutes").asLong()).isBetween(0L, 1L);
    }

    @Test
    void empty_portfolio_has_zero_figures_and_no_assets() {
        JsonNode portfolio = get("/api/v1/portfolio?include_positions=true&asset=" + uniqueAsset("EMPTY")).body();

        assertDecimal(portfolio.get("total_exposure_usdt"), "0");
        assertDecimal(portfolio.get("total_unrealized_pnl_usdt"), "0");
        assertDecimal(portfolio.get("total_realized_pnl_usdt"), "0");
        assertDecimal(portfolio.get("portfolio_value_usdt"), "0");
        assertDecimal(portfolio.get("net_exposure_usdt"), "0");
        assertThat(portfolio.get("open_positions_count").asLong()).isZero();
        assertThat(portfolio.get("long_positions_count").asLong()).isZero();
        assertThat(portfolio.get("short_positions_count").asLong()).isZero();
        assertThat(portfolio.get("by_asset").isEmpty()).isTrue();
        assertThat(portfolio.get("positions").isEmpty()).isTrue();
    }

    @Test
    void closed_positions_count_for_realized_pnl_but_not_as_open_or_in_by_asset() {
        String asset = uniqueAsset("CLS");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "2", "10", "0", now);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.SELL, "2", "13", "0", now);
        awaitProjections();

        JsonNode portfolio = get("/api/v1/portfolio?asset=" + asset).body();

        assertDecimal(portfolio.get("total_realized_pnl_usdt"), "6");
        assertDecimal(portfolio.get("total_exposure_usdt"), "0");
        assertThat(portfolio.get("open_positions_count").asLong()).isZero();
        assertThat(portfolio.get("by_asset").isEmpty()).isTrue();
    }

    @Test
    void a_position_without_a_price_adds_no_exposure() {
        String asset = uniqueAsset("NOP");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "2", "10", "0", now);
        awaitProjections();

        JsonNode portfolio = get("/api/v1/portfolio?asset=" + asset).body();

        assertDecimal(portfolio.get("total_exposure_usdt"), "0");
        assertThat(portfolio.get("open_positions_count").asLong()).isEqualTo(1);
        assertDecimal(portfolio.get("by_asset").get(asset).get("size"), "2");
    }

    /**
     * With the settings' defaults (no exposure limits, size ratio 0.8, take profit 3 %): B's 20 % and A one-way's
     * 10 % are above the take profit, A hedge's -10 % within it. A position shows every limit that is set; the
     * portfolio its own (none here) and each position's exceeded one.
     */
    @Test
    void positions_and_the_portfolio_show_the_limits_that_are_set_and_unset_ones_publish_nothing() {
        String[] assets = threePositions();
        String a = assets[0];
        String b = assets[1];

        JsonNode position = get("/api/v1/positions/" + b).body();

        assertThat(names(position.get("limits"))).containsExactly("max_position_size_ratio", "take_profit_pct");
        JsonNode takeProfit = position.get("limits").get(1);
        assertDecimal(takeProfit.get("limit"), "3.0");
        assertDecimal(takeProfit.get("value"), "20");
        assertThat(takeProfit.get("exceeded").asBoolean()).isTrue();
        assertThat(takeProfit.get("asset").asText()).isEqualTo(b);
        assertThat(takeProfit.get("mode").asText()).isEqualTo("one-way");
        assertThat(position.get("limits").get(0).get("exceeded").asBoolean()).isFalse();
        assertThat(position.get("limit_exceeded").asBoolean()).isTrue();
        JsonNode hedge = get("/api/v1/positions/" + a + "?mode=hedge").body();
        assertDecimal(hedge.get("limits").get(1).get("value"), "-10");
        assertThat(hedge.get("limit_exceeded").asBoolean()).isFalse();

        JsonNode portfolio = get("/api/v1/portfolio?asset=" + b).body();
        assertThat(portfolio.get("limit_exceeded").asBoolean()).isTrue();
        assertThat(portfolio.get("limits")).hasSize(1);
        assertThat(portfolio.get("limits").get(0)).isEqualTo(takeProfit);
        JsonNode ofA = get("/api/v1/portfolio?asset=" + a).body();
        assertThat(ofA.get("limits")).as("no total exposure limit; A's one-way position exceeded, its hedge not")
                .hasSize(1);
        assertThat(ofA.get("limits").get(0).get("mode").asText()).isEqualTo("one-way");
        assertDecimal(ofA.get("limits").get(0).get("value"), "10");
        assertThat(get("/api/v1/portfolio").body().get("limits")).contains(takeProfit);
        assertThat(get("/api/v1/portfolio/exposure").body().get("limits")).contains(takeProfit);

        LimitEventsOnTheQueue queue = new LimitEventsOnTheQueue(rabbit, json, tokens, jdbc);
        queue.awaitEvaluator();
        assertThat(queue.drainOf(b)).extracting(event -> event.text("event_type") + " " + event.text("name"))
                .as("only the take profit is crossed: limits not set are not judged")
                .containsExactly("limit_exceeded take_profit_pct");
    }

    private static List<String> names(JsonNode limits) {
        List<String> names = new ArrayList<>();
        limits.forEach(limit -> names.add(limit.get("name").asText()));
        return names;
    }

    /** Returns assets A and B of the class comment, projected. */
    @Test
    void a_client_accepting_gzip_gets_the_same_portfolio_compressed() throws Exception {
        threePositions();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder portfolio = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/portfolio")).header("X-API-Key", API_KEY);

        HttpResponse<byte[]> plain = http.send(portfolio.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> compressed = http.send(portfolio.header("Accept-Encoding", "br;q=1.0, gzip;q=0.8")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/portfolio")).header("X-API-Key", API_KEY).header("Accept-Encoding", "gzip;q=0")
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(compressed.headers().firstValue("Vary")).contains("Accept-Encoding");
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            assertThat(json.readTree(gunzip.readAllBytes())).isEqualTo(json.readTree(plain.body()));
        }
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(json.readTree(refused.body())).isEqualTo(json.readTree(plain.body()));
    }

    private String[] threePositions() {
        String a = uniqueAsset("PFA");
        String b = uniqueAsset("PFB");
        fill(a, PositionMode.ONE_WAY, null, a + "-1", Side.BUY, "2", "100", "0", now);
        report(a, PositionMode.ONE_WAY, 0, "2", "100", "110", "20", "0", 1, now);
        fill(a, PositionMode.HEDGE, 2, a + "-2", Side.SELL, "1", "100", "0", now);
        report(a, PositionMode.HEDGE, 2, "-1", "100", "110", "-10", "0", 1, now);
        fill(b, PositionMode.ONE_WAY, null, b + "-1", Side.SELL, "3", "50", "0", now);
        report(b, PositionMode.ONE_WAY, 0, "-3", "50", "40", "30", "5", 1, now);
        awaitProjections();
        return new String[] {a, b};
    }

    private static BigDecimal delta(JsonNode after, JsonNode before, String field) {
        return new BigDecimal(after.get(field).asText()).subtract(new BigDecimal(before.get(field).asText()));
    }
}
