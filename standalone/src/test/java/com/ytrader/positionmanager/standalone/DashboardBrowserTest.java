package com.ytrader.positionmanager.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.command.ingest.IngestProperties;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.RecordAgedPhase;
import com.ytrader.positionmanager.events.AgedEntries;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.standalone.demo.DemoFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real headless Chromium against the standalone app with its demo feed: positions move, then,
 * with the feed stopped and the read models settled, every figure the page shows equals the REST API's string.
 * Leaves a screenshot in {@code standalone/target/dashboard.png}.
 */
@StandaloneAppTest
class DashboardBrowserTest {

    private static final List<String> DEMO_ASSETS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT");
    private static final List<String> POSITION_FIELDS = List.of("size", "average_entry_price", "long_entry_price",
            "short_entry_price", "current_price", "unrealized_pnl", "realized_pnl", "exchange_size", "exchange_seq",
            "unrealized_pnl_pct", "time_held_minutes", "position_size_norm", "break_even_price", "leverage",
            "liq_price", "liquidation_distance_pct", "price_source");
    /**
     * A hedge position beside the demo's one-way ones; the test database keeps it between runs, and each run adds the
     * same two fills again, so its legs' entries stay 100 and 120.
     */
    private static final String HEDGE_ASSET = "DASHBOARDHEDGE";
    private static final String EMPTY = "—";
    private static final Pattern LONG_FRACTION = Pattern.compile("(-?\\d+\\.\\d{8})\\d+");
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    DemoFeed demoFeed;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    IngestProperties ingest;
    @Autowired
    CommandGateway commands;

    private ChromeDriver browser;
    private DashboardPage page;
    private StandaloneApi api;

    @BeforeEach
    void openBrowser() {
        api = new StandaloneApi(port, LocalApiKey.of(environment).value());
        browser = HeadlessChromium.start(1500, 1400);
        page = new DashboardPage(browser);
    }

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.saveScreenshot(SCREENSHOT);
        }
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_page_shows_moving_demo_positions_and_every_figure_equals_the_api() {
        publishFill(1, "Buy", "100");
        publishFill(2, "Sell", "120");
        page.open(api.base() + "/#api-key=" + LocalApiKey.of(environment).value());

        await("demo positions on the page").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> DEMO_ASSETS.stream().allMatch(asset ->
                        page.isDisplayed("position-" + asset + "-one-way-size")));
        await("BTCUSDT selected").atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            page.selectPosition("BTCUSDT", "one-way");
            assertThat(page.text("history-position")).isEqualTo("BTCUSDT (one-way)");
        });
        await("its history on the page").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> page.figures("history-").keySet().stream().filter(id -> id.endsWith("-size")).count()
                        >= 10);
        String exposureWhileMoving = page.text("portfolio-total-exposure");
        await("the figures move").atMost(Duration.ofSeconds(10))
                .until(() -> !page.text("portfolio-total-exposure").equals(exposureWhileMoving));

        demoFeed.stop();
        awaitSettledApi();

        AtomicReference<Map<String, String>> expected = new AtomicReference<>();
        await("the page shows the API's figures").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(700))
                .untilAsserted(() -> {
                    expected.set(figuresFromApi());
                    assertThat(figuresOnPage()).isEqualTo(expected.get());
                });
        assertThat(expected.get()).containsKeys(DEMO_ASSETS.stream()
                .map(asset -> "position-" + asset + "-one-way-size").toArray(String[]::new));
        // the demo's exchange reports give their size and seq; the hedge position shows its legs, not a blend
        assertThat(expected.get().get("position-BTCUSDT-one-way-exchange_seq")).isNotEqualTo(EMPTY);
        assertThat(expected.get().get("position-BTCUSDT-one-way-exchange_size")).isNotEqualTo(EMPTY);
        // and its leverage and liquidation price, beside our own break-even
        assertThat(expected.get().get("position-BTCUSDT-one-way-leverage")).isEqualTo("10");
        assertThat(expected.get().get("position-BTCUSDT-one-way-liquidation_distance_pct")).isNotEqualTo(EMPTY);
        assertThat(expected.get().get("position-BTCUSDT-one-way-price_source")).isEqualTo("websocket");
        String hedge = "position-" + HEDGE_ASSET + "-hedge-";
        assertThat(expected.get()).containsEntry(hedge + "average_entry_price", EMPTY)
                .containsEntry(hedge + "long_entry_price", "100")
                .containsEntry(hedge + "short_entry_price", "120");

        assertThat(page.isDisplayed("history-message")).as("the history endpoint answers").isFalse();
        await("the newest change of the selected position in its audit trail").atMost(Duration.ofSeconds(10))
                .untilAsserted(this::newestHistoryEntryIsShown);
        assertThat(page.chartPaths("size-chart")).isEqualTo(1);
        assertThat(page.chartPaths("pnl-chart")).isEqualTo(2);
    }

    @Test
    void the_page_lists_aged_positions_with_leg_phase_target_and_time_in_phase() {
        // a new position each run (the test database keeps the earlier ones), opened now: only this test ages it
        String asset = "AGED" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String positionId = PositionId.of(asset, PositionMode.HEDGE);
        Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.HEDGE, 2, asset + "-1", "order-" + asset, Side.SELL,
                new BigDecimal("1"), new BigDecimal("100"), BigDecimal.ZERO, openedAt));
        String agedId = AgedEntries.id(positionId, 1, 2, openedAt);
        // the phase entered 2 h 5 min 30 s before now, as the page's clock counts it
        Instant progressive = Instant.now().minus(Duration.ofMinutes(125).plusSeconds(30));
        // detected just before, so that it is among the newest the panel lists whatever else aged earlier
        Instant detected = progressive.minus(Duration.ofMinutes(5));
        agePhase(asset, agedId, null, AgedPhase.DETECTED, null, null, detected);
        agePhase(asset, agedId, AgedPhase.DETECTED, AgedPhase.GRACE_ACTIVE, "99.89", "0", detected);
        agePhase(asset, agedId, AgedPhase.GRACE_ACTIVE, AgedPhase.PROGRESSIVE_ACTIVE, "100.123456789", "0.5",
                progressive);
        page.open(api.base() + "/#api-key=" + LocalApiKey.of(environment).value());

        String row = "aged-" + agedId + "-";
        await("the aged entry on the page").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> "progressive_active".equals(page.text(row + "status")));

        JsonNode entry = api.get("/api/v1/aged-positions/" + asset + "?mode=hedge&position_idx=2");
        Map<String, String> onPage = page.figures(row);
        assertThat(onPage).containsEntry(row + "asset", asset)
                .containsEntry(row + "mode", "hedge")
                .containsEntry(row + "leg", "short")
                .containsEntry(row + "status", entry.path("status").asText())
                .containsEntry(row + "target_price", shown(entry.path("target_price")))
                .containsEntry(row + "current_loss_tolerance_percent",
                        shown(entry.path("current_loss_tolerance_percent")))
                .containsEntry(row + "close_attempts", "0")
                .containsEntry(row + "close_reason", EMPTY);
        assertThat(onPage.get(row + "target_price")).as("cut to 8 fraction digits").isEqualTo("100.12345678…");
        assertThat(onPage.get(row + "time_in_phase")).matches("2h 0[56]m");
    }

    private void agePhase(String asset, String agedId, AgedPhase from, AgedPhase to, String target, String tolerance,
                          Instant at) {
        String positionId = PositionId.of(asset, PositionMode.HEDGE);
        commands.sendAndWait(new RecordAgedPhase(positionId, new AgedPhaseChanged(positionId, asset,
                PositionMode.HEDGE, 1, 2, agedId, from, to, Side.SELL, new BigDecimal("100"), new BigDecimal("101"),
                target == null ? null : new BigDecimal(target), tolerance == null ? null : new BigDecimal(tolerance),
                new BigDecimal("99.89"), "dashboard test", at)));
    }

    /** One execution of the hedge position's leg, on the order manager's queue as it publishes them. */
    private void publishFill(int positionIdx, String side, String price) {
        String body = """
                {"order_id":"o-%s","asset":"%s","side":"%s","filled_quantity":"1","execution_price":"%s",
                 "execution_fees":"0","mode":"hedge","position_idx":%d,"exec_id":"%s","exec_type":"Trade"}"""
                .formatted(UUID.randomUUID(), HEDGE_ASSET, side, price, positionIdx, UUID.randomUUID());
        rabbit.send("", ingest.queues().orderExecuted(), MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").setDeliveryMode(MessageDeliveryMode.PERSISTENT).build());
    }

    /** Stopped feed, consumed queues, caught-up projections: two reads a second apart agree. */
    private void awaitSettledApi() {
        AtomicReference<JsonNode> previous = new AtomicReference<>();
        await("the read models settle").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode now = api.get("/api/v1/positions");
                    return Objects.equals(previous.getAndSet(now), now);
                });
    }

    private Map<String, String> figuresOnPage() {
        Map<String, String> shown = new TreeMap<>();
        shown.putAll(page.figures("position-"));
        shown.putAll(page.figures("portfolio-"));
        shown.putAll(page.figures("exposure-"));
        return shown;
    }

    private Map<String, String> figuresFromApi() {
        Map<String, String> figures = new TreeMap<>();
        for (JsonNode position : api.get("/api/v1/positions").path("positions")) {
            String key = "position-" + position.path("asset").asText() + "-" + position.path("mode").asText() + "-";
            POSITION_FIELDS.forEach(field -> figures.put(key + field, shown(position.path(field))));
        }
        JsonNode portfolio = api.get("/api/v1/portfolio");
        figures.put("portfolio-total-exposure", shown(portfolio.path("total_exposure_usdt")));
        figures.put("portfolio-net-exposure", shown(portfolio.path("net_exposure_usdt")));
        figures.put("portfolio-open-count", shown(portfolio.path("open_positions_count")));
        figures.put("portfolio-long-count", shown(portfolio.path("long_positions_count")));
        figures.put("portfolio-short-count", shown(portfolio.path("short_positions_count")));
        figures.put("portfolio-stale-prices", shown(portfolio.path("stale_prices_count")));
        portfolio.path("by_asset").fields().forEachRemaining(asset ->
                figures.put("exposure-" + asset.getKey(), shown(asset.getValue().path("exposure_usdt"))));
        JsonNode pnl = api.get("/api/v1/portfolio/pnl");
        figures.put("portfolio-unrealized-pnl", shown(pnl.path("total_unrealized_pnl_usdt")));
        figures.put("portfolio-realized-pnl", shown(pnl.path("total_realized_pnl_usdt")));
        figures.put("portfolio-total-pnl", shown(pnl.path("total_pnl_usdt")));
        return figures;
    }

    private void newestHistoryEntryIsShown() {
        String selected = page.text("history-position"); // "BTCUSDT (one-way)"
        String asset = selected.substring(0, selected.indexOf(' '));
        String mode = selected.substring(selected.indexOf('(') + 1, selected.indexOf(')'));
        JsonNode newest = newestHistoryEntry(asset, mode);
        long seq = newest.path("sequence_number").asLong();
        assertThat(page.text("history-" + seq + "-event_type")).isEqualTo(newest.path("event_type").asText());
        assertThat(page.text("history-" + seq + "-size")).isEqualTo(
                shown(newest.path("before").path("size")) + " → " + shown(newest.path("after").path("size")));
    }

    private JsonNode newestHistoryEntry(String asset, String mode) {
        String path = "/api/v1/positions/" + asset + "/history?mode=" + mode + "&limit=1000";
        JsonNode response = api.get(path);
        while (response.path("has_more").asBoolean()) {
            response = api.get(path + "&cursor=" + response.path("next_cursor").asText());
        }
        JsonNode changes = response.path("changes");
        assertThat(changes.size()).as("history of %s %s", asset, mode).isPositive();
        return changes.get(changes.size() - 1);
    }

    /**
     * What the page prints for a JSON value (its stated rule): the string itself, cut to 8 fraction digits and
     * marked with an ellipsis when it has more, a dash for null or absent.
     */
    private static String shown(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return EMPTY;
        }
        Matcher longFraction = LONG_FRACTION.matcher(value.asText());
        return longFraction.matches() ? longFraction.group(1) + "…" : value.asText();
    }
}
