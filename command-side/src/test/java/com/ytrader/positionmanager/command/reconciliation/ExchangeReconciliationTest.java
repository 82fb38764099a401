package com.ytrader.positionmanager.command.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.command.position.ReportExchangePosition;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.events.UpdateSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation through the command API against a Bybit served by WireMock on loopback: the missing executions are
 * applied first, then only what remains different from the exchange's position is corrected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"position-manager.ingest.enabled=false", "position-manager.fanout.enabled=false",
                "position-manager.bybit.api-key=TESTKEY", "position-manager.bybit.api-secret=TESTSECRET",
                "position-manager.bybit.max-attempts=2", "position-manager.bybit.retry-backoff=10ms",
                "position-manager.bybit.timeout=2s"})
@DirtiesContext
class ExchangeReconciliationTest {

    @RegisterExtension
    static final WireMockExtension BYBIT = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @DynamicPropertySource
    static void bybit(DynamicPropertyRegistry properties) {
        properties.add("position-manager.bybit.rest-url", BYBIT::baseUrl);
    }

    private static final String API_KEY = "test-key";

    @LocalServerPort
    private int port;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ExchangeReconciliation reconciliation;

    @Test
    void validation_applies_the_executions_missing_here_and_then_corrects_only_what_remains() {
        String asset = uniqueAsset();
        Instant executed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, "e1", "o1", Side.BUY, BigDecimal.ONE,
                new BigDecimal("100"), BigDecimal.ZERO, executed, 5L, null, null));
        // the exchange knows e1 (a duplicate here) and e2 (missing here), and holds 2.5 where e1 + e2 make 2
        BYBIT.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(okJson(page(
                execution(asset, "e1", "o1", "Buy", "1", "100", executed, 5),
                execution(asset, "e2", "o2", "Buy", "1", "102", executed.plusSeconds(60), 7)))));
        BYBIT.stubFor(get(urlPathEqualTo("/v5/position/list")).willReturn(okJson(page(
                position(asset, "Buy", "2.5", "101", 8)))));

        JsonNode answer = validate(asset, 200);

        assertThat(answer.get("is_valid").asBoolean()).isFalse();
        assertThat(answer.get("error_message").asText()).isEqualTo(
                "positionIdx 0: size 2 here, 2.5 on the exchange at seq 8");
        assertThat(new BigDecimal(answer.get("updated_position").get("size").asText())).isEqualByComparingTo("2.5");
        List<? extends DomainEventMessage<?>> events = events(asset);
        DomainEventMessage<?> backfilled = events.stream()
                .filter(event -> event.getPayload() instanceof FillApplied fill && fill.fillId().equals("e2"))
                .findFirst().orElseThrow();
        assertThat(backfilled.getMetaData()).containsEntry(EventMetadata.SOURCE, "reconciliation");
        assertThat(((FillApplied) backfilled.getPayload()).seq()).isEqualTo(7L);
        assertThat(events.stream().filter(event -> event.getPayload() instanceof FillApplied)).hasSize(2);
        assertThat(events.stream().filter(event -> event.getPayload() instanceof PositionCorrected)).hasSize(1);
        // asked from the position's latest execution on, with the symbol
        assertThat(BYBIT.findAll(getRequestedFor(urlPathEqualTo("/v5/execution/list"))).get(0).getUrl())
                .contains("symbol=" + asset).contains("startTime=" + executed.toEpochMilli());
    }

    @Test
    void a_position_that_the_missing_executions_bring_in_step_with_the_exchange_is_valid() {
        String asset = uniqueAsset();
        Instant executed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, "e1", "o1", Side.BUY, BigDecimal.ONE,
                new BigDecimal("100"), BigDecimal.ZERO, executed, 5L, null, null));
        // a streamed report older than e2 made the position look short of the exchange
        commands.sendAndWait(ReportExchangePosition.of(asset, PositionMode.ONE_WAY, 0, new BigDecimal("2"),
                new BigDecimal("101"), new BigDecimal("101"), BigDecimal.ZERO, BigDecimal.ZERO, 7,
                executed.plusSeconds(61)));
        BYBIT.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(okJson(page(
                execution(asset, "e2", "o2", "Buy", "1", "102", executed.plusSeconds(60), 7)))));
        BYBIT.stubFor(get(urlPathEqualTo("/v5/position/list")).willReturn(okJson(page(
                position(asset, "Buy", "2", "101", 7)))));

        JsonNode answer = validate(asset, 200);

        assertThat(answer.get("is_valid").asBoolean()).isTrue();
        assertThat(events(asset)).noneMatch(event -> event.getPayload() instanceof PositionCorrected);
    }

    @Test
    void an_exchange_that_does_not_answer_gives_503_with_retry_after_and_changes_nothing() {
        String asset = uniqueAsset();
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, "e1", "o1", Side.BUY, BigDecimal.ONE,
                new BigDecimal("100"), BigDecimal.ZERO, Instant.now().minusSeconds(60)));
        BYBIT.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(aResponse().withStatus(502)));
        int eventsBefore = events(asset).size();

        Response response = post("/api/v1/positions/" + asset + "/validate");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.retryAfter()).isNotBlank();
        assertThat(events(asset)).hasSize(eventsBefore);
    }

    @Test
    void a_refused_signature_gives_502_naming_the_exchanges_answer_and_changes_nothing() {
        String asset = uniqueAsset();
        commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, "e1", "o1", Side.BUY, BigDecimal.ONE,
                new BigDecimal("100"), BigDecimal.ZERO, Instant.now().minusSeconds(60)));
        BYBIT.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(okJson(
                "{\"retCode\":10004,\"retMsg\":\"error sign!\",\"result\":{},\"time\":1}")));
        int eventsBefore = events(asset).size();

        Response response = post("/api/v1/positions/" + asset + "/validate");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.body().get("detail").asText()).contains("10004");
        assertThat(events(asset)).hasSize(eventsBefore);
    }

    @Test
    void validating_many_positions_takes_one_paginated_list_of_positions_and_one_of_executions() {
        Instant executed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        List<String> assets = IntStream.range(0, 25).mapToObj(i -> uniqueAsset()).toList();
        StringBuilder executions = new StringBuilder();
        StringBuilder positions = new StringBuilder();
        for (String asset : assets) {
            commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-e1", "o1", Side.BUY,
                    BigDecimal.ONE, new BigDecimal("100"), BigDecimal.ZERO, executed, 5L, null, null));
            executions.append(executions.isEmpty() ? "" : ",")
                    .append(execution(asset, asset + "-e2", "o2", "Buy", "1", "100", executed.plusSeconds(5), 6));
            positions.append(positions.isEmpty() ? "" : ",").append(position(asset, "Buy", "2", "100", 6));
        }
        BYBIT.resetRequests();
        BYBIT.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(okJson(page(executions.toString()))));
        BYBIT.stubFor(get(urlPathEqualTo("/v5/position/list")).willReturn(okJson(page(positions.toString()))));

        int validated = reconciliation.validateAll(assets.stream()
                        .map(asset -> new ExchangeReconciliation.PositionKey(asset, PositionMode.ONE_WAY)).toList(),
                true, CommandMetadata.of(UpdateSource.SCHEDULER, null, null));

        assertThat(validated).isEqualTo(assets.size());
        assertThat(BYBIT.findAll(getRequestedFor(urlPathEqualTo("/v5/execution/list")))).hasSize(1);
        assertThat(BYBIT.findAll(getRequestedFor(urlPathEqualTo("/v5/position/list")))).singleElement()
                .satisfies(request -> assertThat(request.getUrl()).contains("settleCoin=USDT"));
        for (String asset : assets) {
            assertThat(events(asset).stream().filter(event -> event.getPayload() instanceof FillApplied)).hasSize(2);
            assertThat(events(asset)).noneMatch(event -> event.getPayload() instanceof PositionCorrected);
        }
    }

    private JsonNode validate(String asset, int expectedStatus) {
        Response response = post("/api/v1/positions/" + asset + "/validate");
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(expectedStatus);
        return response.body();
    }

    private record Response(int status, String contentType, String retryAfter, JsonNode body) {
    }

    private Response post(String path) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri(path).header("X-API-Key", API_KEY)
                .exchange((sent, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    return new Response(response.getStatusCode().value(),
                            String.valueOf(response.getHeaders().getContentType()),
                            response.getHeaders().getFirst("Retry-After"),
                            body.length == 0 ? json.nullNode() : json.readTree(body));
                });
    }

    private List<? extends DomainEventMessage<?>> events(String asset) {
        return eventStore.readEvents(PositionId.of(asset, PositionMode.ONE_WAY)).asStream().toList();
    }

    private static String page(String... rows) {
        return """
                {"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[%s],"nextPageCursor":""},\
                "retExtInfo":{},"time":1}""".formatted(String.join(",", rows));
    }

    private static String execution(String symbol, String execId, String orderId, String side, String quantity,
                                    String price, Instant at, long seq) {
        return """
                {"symbol":"%s","execId":"%s","orderId":"%s","orderLinkId":"","side":"%s","execQty":"%s",\
                "execPrice":"%s","execFee":"0","feeCurrency":"USDT","execType":"Trade","createType":"CreateByUser",\
                "closedSize":"","seq":%d,"execTime":"%d"}"""
                .formatted(symbol, execId, orderId, side, quantity, price, seq, at.toEpochMilli());
    }

    private static String position(String symbol, String side, String size, String entry, long seq) {
        return """
                {"symbol":"%s","positionIdx":0,"side":"%s","size":"%s","avgPrice":"%s","markPrice":"%s",\
                "unrealisedPnl":"0","curRealisedPnl":"0","cumRealisedPnl":"0","leverage":"10","liqPrice":"",\
                "breakEvenPrice":"","positionValue":"","positionStatus":"Normal","trailingStop":"0","seq":%d,\
                "createdTime":"1","updatedTime":"%d"}"""
                .formatted(symbol, side, size, entry, entry, seq, Instant.now().toEpochMilli());
    }

    private static String uniqueAsset() {
        return "REC" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase()
                + "USDT";
    }
}
