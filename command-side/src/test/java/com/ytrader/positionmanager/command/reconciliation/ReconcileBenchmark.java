package com.ytrader.positionmanager.command.reconciliation;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.events.UpdateSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Benchmark, not a test (bench/reconcile/README.md): the periodic validation of {@code positions=1000} open
 * positions against a Bybit served by WireMock on loopback, each position missing one execution the exchange has:
 * Bybit's page sizes (200 positions, 100 executions a page), so 1,000 positions take 5 + 10 requests.
 */
public final class ReconcileBenchmark {

    private static final int POSITIONS_PAGE = 200;
    private static final int EXECUTIONS_PAGE = 100;

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("positions=", "")) : 1_000;
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");
        WireMockServer bybit = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        bybit.start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0", "--position-manager.ingest.enabled=false", "--position-manager.fanout.enabled=false",
                "--position-manager.bybit.rest-url=" + bybit.baseUrl(), "--position-manager.bybit.api-key=BENCHKEY",
                "--position-manager.bybit.api-secret=BENCHSECRET",
                "--logging.level.com.ytrader=WARN")) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            Instant executed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
            List<String> assets = new ArrayList<>();
            List<String> executions = new ArrayList<>();
            List<String> positions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String asset = "RB" + run + i + "USDT";
                assets.add(asset);
                commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-1", "o1", Side.BUY,
                        BigDecimal.ONE, new BigDecimal("100"), BigDecimal.ZERO, executed, 5L, null, null));
                executions.add(execution(asset, asset + "-2", executed.plusSeconds(5), 6));
                positions.add(position(asset, 6));
            }
            stubPages(bybit, "/v5/execution/list", executions, EXECUTIONS_PAGE);
            stubPages(bybit, "/v5/position/list", positions, POSITIONS_PAGE);
            ExchangeReconciliation reconciliation = app.getBean(ExchangeReconciliation.class);
            List<ExchangeReconciliation.PositionKey> keys = assets.stream()
                    .map(asset -> new ExchangeReconciliation.PositionKey(asset, PositionMode.ONE_WAY)).toList();

            long start = System.nanoTime();
            int validated = reconciliation.validateAll(keys, true, CommandMetadata.of(UpdateSource.SCHEDULER, null, null));
            double seconds = (System.nanoTime() - start) / 1e9;

            System.out.printf("RECONCILE positions=%d validated=%d seconds=%.2f per_position_ms=%.2f "
                            + "requests: executions=%d positions=%d%n", count, validated, seconds,
                    seconds * 1000 / count,
                    bybit.findAll(getRequestedFor(urlPathEqualTo("/v5/execution/list"))).size(),
                    bybit.findAll(getRequestedFor(urlPathEqualTo("/v5/position/list"))).size());
        } finally {
            bybit.stop();
        }
        System.exit(0);
    }

    /** Rows served page by page, each page naming the next by a cursor, as Bybit does. */
    private static void stubPages(WireMockServer bybit, String path, List<String> rows, int pageSize) {
        for (int from = 0, page = 0; from < rows.size(); from += pageSize, page++) {
            String next = from + pageSize < rows.size() ? "page" + (page + 1) : "";
            String body = """
                    {"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[%s],"nextPageCursor":"%s"},\
                    "retExtInfo":{},"time":1}""".formatted(String.join(",",
                    rows.subList(from, Math.min(rows.size(), from + pageSize))), next);
            bybit.stubFor(get(urlPathEqualTo(path))
                    .withQueryParam("cursor", page == 0 ? absent() : equalTo("page" + page))
                    .willReturn(okJson(body)));
        }
    }

    private static String execution(String symbol, String execId, Instant at, long seq) {
        return """
                {"symbol":"%s","execId":"%s","orderId":"o2","orderLinkId":"","side":"Buy","execQty":"1",\
                "execPrice":"100","execFee":"0","feeCurrency":"USDT","execType":"Trade","createType":"CreateByUser",\
                "closedSize":"","seq":%d,"execTime":"%d"}""".formatted(symbol, execId, seq, at.toEpochMilli());
    }

    private static String position(String symbol, long seq) {
        return """
                {"symbol":"%s","positionIdx":0,"side":"Buy","size":"2","avgPrice":"100","markPrice":"100",\
                "unrealisedPnl":"0","curRealisedPnl":"0","cumRealisedPnl":"0","leverage":"10","liqPrice":"",\
                "breakEvenPrice":"","positionValue":"","positionStatus":"Normal","trailingStop":"0","seq":%d,\
                "createdTime":"1","updatedTime":"%d"}""".formatted(symbol, seq, Instant.now().toEpochMilli());
    }
}
