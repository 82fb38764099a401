package com.ytrader.positionmanager.command.prices;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.ytrader.positionmanager.command.openpositions.OpenPositions;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ReportExchangePosition;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The price check against a Bybit served by WireMock on loopback: a position whose mark price is missing or older
 * than the staleness threshold gets one from the tickers, as an event; when the exchange fails, the last price stays.
 */
@SpringBootTest(properties = {"position-manager.ingest.enabled=false", "position-manager.fanout.enabled=false",
        "POSTGRES_DB=pm_command_side_prices_test", "position-manager.price-check-enabled=true",
        "position-manager.price-check-interval=3600", "position-manager.price-staleness-threshold=300",
        "position-manager.bybit.max-attempts=4", "position-manager.bybit.retry-backoff=100ms",
        "position-manager.bybit.timeout=1s"})
@DirtiesContext
class StalePriceRefreshTest {

    @RegisterExtension
    static final WireMockExtension BYBIT = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @DynamicPropertySource
    static void bybit(DynamicPropertyRegistry properties) {
        properties.add("position-manager.bybit.rest-url", BYBIT::baseUrl);
    }

    private static final String TICKERS = "/v5/market/tickers";

    @Autowired
    private StalePriceRefresh refresh;
    @Autowired
    private OpenPositions openPositions;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void onlyThisTestsPositionsAreOpen() {
        jdbc.update("DELETE FROM command_open_positions");
    }

    @Test
    void a_position_without_a_price_gets_the_tickers_mark_price_as_an_event_of_source_rest() {
        String asset = openWithoutPrice();
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).willReturn(okJson(tickers(ticker(asset, "101.5", "101.4")))));

        assertThat(refresh.refreshStalePrices()).isEqualTo(1);

        DomainEventMessage<?> event = priceEvents(asset).get(0);
        MarkPriceUpdated price = (MarkPriceUpdated) event.getPayload();
        assertThat(price.source()).isEqualTo(PriceSource.REST);
        assertThat(price.markPrice()).isEqualByComparingTo("101.5");
        assertThat(price.position().priceSource()).isEqualTo(PriceSource.REST);
        assertThat(price.position().priceTime()).isEqualTo(price.priceTime());
        assertThat(price.position().unrealizedPnl()).isEqualByComparingTo("1.5");
        assertThat(event.getMetaData()).containsEntry(EventMetadata.SOURCE, "scheduler");
        BYBIT.verify(getRequestedFor(urlPathEqualTo(TICKERS)).withQueryParam("category", equalTo("linear"))
                .withQueryParam("symbol", equalTo(asset)));
    }

    @Test
    void many_stale_positions_take_one_request_and_a_spot_like_ticker_without_mark_price_gives_its_last_price() {
        String first = openWithoutPrice();
        String second = openWithoutPrice();
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).willReturn(okJson(tickers(ticker(first, "102", "101"),
                ticker(second, "", "99")))));

        assertThat(refresh.refreshStalePrices()).isEqualTo(2);

        BYBIT.verify(1, getRequestedFor(urlPathEqualTo(TICKERS)));
        assertThat(((MarkPriceUpdated) priceEvents(first).get(0).getPayload()).markPrice()).isEqualByComparingTo("102");
        assertThat(((MarkPriceUpdated) priceEvents(second).get(0).getPayload()).markPrice()).isEqualByComparingTo("99");
    }

    @Test
    void a_price_quoted_within_the_threshold_is_not_asked_again_and_one_older_is() {
        String fresh = openWithReportAt(Instant.now().minusSeconds(10));
        String stale = openWithReportAt(Instant.now().minusSeconds(600));
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).willReturn(okJson(tickers(ticker(stale, "100", "100")))));

        assertThat(refresh.refreshStalePrices()).isEqualTo(1);

        assertThat(priceEvents(fresh)).isEmpty();
        BYBIT.verify(getRequestedFor(urlPathEqualTo(TICKERS)).withQueryParam("symbol", equalTo(stale)));
        // the same price as the stale one still makes it fresh: the next check leaves it alone
        MarkPriceUpdated refreshed = (MarkPriceUpdated) priceEvents(stale).get(0).getPayload();
        assertThat(refreshed.markPrice()).isEqualByComparingTo("100");
        await().atMost(Duration.ofSeconds(10)).until(() -> openPositions.pricedBefore(Instant.now().minusSeconds(300))
                .isEmpty());
        assertThat(refresh.refreshStalePrices()).isZero();
        BYBIT.verify(1, getRequestedFor(urlPathEqualTo(TICKERS)));
    }

    @Test
    void server_errors_are_retried_and_the_price_of_the_attempt_that_succeeds_is_recorded() {
        String asset = openWithoutPrice();
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("second"));
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(okJson(tickers(ticker(asset, "103", "103")))));

        assertThat(refresh.refreshStalePrices()).isEqualTo(1);

        List<LoggedRequest> requests = BYBIT.findAll(getRequestedFor(urlPathEqualTo(TICKERS)));
        assertThat(requests).hasSize(3);
        assertThat(gap(requests, 1)).as("wait before the first retry").isGreaterThanOrEqualTo(99);
        assertThat(gap(requests, 2)).as("the wait doubles before the second").isGreaterThanOrEqualTo(199);
        assertThat(((MarkPriceUpdated) priceEvents(asset).get(0).getPayload()).markPrice()).isEqualByComparingTo("103");
    }

    @Test
    void an_exchange_that_fails_every_attempt_a_timeout_or_malformed_json_leave_the_last_known_price() {
        String asset = openWithReportAt(Instant.now().minusSeconds(600));
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).willReturn(aResponse().withStatus(500)));
        assertThat(refresh.refreshStalePrices()).isZero();
        BYBIT.verify(4, getRequestedFor(urlPathEqualTo(TICKERS)));

        BYBIT.resetAll();
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).willReturn(okJson(tickers(ticker(asset, "100", "100")))
                .withFixedDelay(1_500)));
        assertThat(refresh.refreshStalePrices()).isZero();

        BYBIT.resetAll();
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).willReturn(okJson("{\"retCode\":0,\"result\":{\"list\":[{")));
        assertThat(refresh.refreshStalePrices()).isZero();

        assertThat(priceEvents(asset)).isEmpty();
        assertThat(openPositions.pricedBefore(Instant.now().minusSeconds(300))).hasSize(1);
    }

    @Test
    void a_symbol_the_exchange_does_not_list_stays_without_a_price_and_the_others_are_priced() {
        String listed = openWithoutPrice();
        String unlisted = openWithoutPrice();
        BYBIT.stubFor(get(urlPathEqualTo(TICKERS)).willReturn(okJson(tickers(ticker(listed, "100", "100")))));

        assertThat(refresh.refreshStalePrices()).isEqualTo(1);

        assertThat(priceEvents(unlisted)).isEmpty();
        assertThat(priceEvents(listed)).hasSize(1);
    }

    private static long gap(List<LoggedRequest> requests, int index) {
        return requests.get(index).getLoggedDate().getTime() - requests.get(index - 1).getLoggedDate().getTime();
    }

    private String openWithoutPrice() {
        String asset = uniqueAsset();
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-e1", asset + "-o1", Side.BUY,
                BigDecimal.ONE, new BigDecimal("100"), BigDecimal.ZERO, Instant.now().minusSeconds(900)));
        awaitOpen(asset);
        return asset;
    }

    private String openWithReportAt(Instant quotedAt) {
        String asset = openWithoutPrice();
        commands.sendAndWait(ReportExchangePosition.of(asset, PositionMode.ONE_WAY, 0, BigDecimal.ONE,
                new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO, -1,
                quotedAt.truncatedTo(ChronoUnit.MILLIS)));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM command_open_positions WHERE asset = ? AND price_at IS NOT NULL",
                Integer.class, asset) == 1);
        return asset;
    }

    private void awaitOpen(String asset) {
        await().atMost(Duration.ofSeconds(10)).until(() -> openPositions.all().stream()
                .anyMatch(position -> position.asset().equals(asset)));
    }

    private List<? extends DomainEventMessage<?>> priceEvents(String asset) {
        return eventStore.readEvents(PositionId.of(asset, PositionMode.ONE_WAY)).asStream()
                .filter(event -> event.getPayload() instanceof MarkPriceUpdated).toList();
    }

    private static String tickers(String... rows) {
        return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":["
                + String.join(",", rows) + "]},\"time\":" + System.currentTimeMillis() + "}";
    }

    private static String ticker(String symbol, String markPrice, String lastPrice) {
        return "{\"symbol\":\"" + symbol + "\",\"markPrice\":\"" + markPrice + "\",\"lastPrice\":\"" + lastPrice
                + "\"}";
    }

    private static String uniqueAsset() {
        return "PX" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase() + "USDT";
    }
}
