package com.ytrader.positionmanager.exchange;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.ytrader.positionmanager.exchange.FakeBybit.execution;
import static com.ytrader.positionmanager.exchange.FakeBybit.page;
import static com.ytrader.positionmanager.exchange.FakeBybit.rawParameter;
import static com.ytrader.positionmanager.exchange.FakeBybit.rawParameters;
import static org.assertj.core.api.Assertions.assertThat;

class BybitPaginationTest {

    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    @RegisterExtension
    static final WireMockExtension bybit = FakeBybit.extension();

    @Test
    void executions_follow_next_page_cursor_over_three_pages_until_it_is_empty() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).withQueryParam("cursor", absent())
                .willReturn(okJson(page("page%3A2", execution("e1", FROM.plusSeconds(1), 11),
                        execution("e2", FROM.plusSeconds(2), 12)))));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).withQueryParam("cursor", equalTo("page:2"))
                .willReturn(okJson(page("page%3A3", execution("e3", FROM.plusSeconds(3), 13)))));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).withQueryParam("cursor", equalTo("page:3"))
                .willReturn(okJson(page("", execution("e4", FROM.plusSeconds(4), 14)))));

        List<BybitExecution> executions = FakeBybit.client(bybit).executions("BTCUSDT", FROM, FROM.plusSeconds(60));

        assertThat(executions).extracting(BybitExecution::execId).containsExactly("e1", "e2", "e3", "e4");
        List<LoggedRequest> requests = bybit.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(3);
        assertThat(rawParameters(requests.get(0))).containsExactly("category=linear", "symbol=BTCUSDT",
                "startTime=" + FROM.toEpochMilli(), "endTime=" + FROM.plusSeconds(60).toEpochMilli(), "limit=100");
        assertThat(rawParameter(requests.get(1), "cursor")).isEqualTo("page%3A2");
        assertThat(rawParameter(requests.get(2), "cursor")).isEqualTo("page%3A3");
        requests.forEach(request -> FakeBybit.assertSignedAsSent(request, "5000"));
    }

    @Test
    void an_execution_is_read_with_every_figure_as_bigdecimal_its_times_as_instants_and_empty_strings_as_null() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS))
                .willReturn(okJson(page("", execution("2f1c-exec", FROM.plusMillis(1234), 5_123_456_789L)))));

        List<BybitExecution> executions = FakeBybit.client(bybit).executions("BTCUSDT", FROM, FROM.plusSeconds(5));

        assertThat(executions).containsExactly(new BybitExecution("2f1c-exec", "BTCUSDT", "order-2f1c-exec",
                "link-2f1c-exec", "Buy", new BigDecimal("0.010"), new BigDecimal("60000.5"),
                new BigDecimal("0.33000275"), "USDT", "Trade", "CreateByUser", null, 5_123_456_789L,
                FROM.plusMillis(1234)));
    }

    @Test
    void a_20_day_range_is_asked_in_consecutive_7_day_windows_that_neither_overlap_nor_leave_a_gap() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).willReturn(okJson(page(""))));
        Instant to = FROM.plus(Duration.ofDays(20));

        FakeBybit.client(bybit).executions("BTCUSDT", FROM, to);

        long start = FROM.toEpochMilli();
        List<LoggedRequest> requests = bybit.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).extracting(request -> rawParameter(request, "startTime") + ".." + rawParameter(request, "endTime"))
                .containsExactly(
                        start + ".." + (start + 7 * DAY - 1),
                        (start + 7 * DAY) + ".." + (start + 14 * DAY - 1),
                        (start + 14 * DAY) + ".." + to.toEpochMilli());
    }

    @Test
    void executions_seen_twice_across_windows_and_pages_count_once_ordered_by_exec_time_then_seq() {
        Instant boundary = FROM.plus(Duration.ofDays(7));
        String firstWindow = Long.toString(FROM.toEpochMilli());
        String secondWindow = Long.toString(boundary.toEpochMilli());
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).withQueryParam("startTime", equalTo(firstWindow))
                .withQueryParam("cursor", absent())
                .willReturn(okJson(page("w1p2", execution("b", FROM.plusSeconds(20), 7),
                        execution("a", FROM.plusSeconds(20), 6)))));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).withQueryParam("startTime", equalTo(firstWindow))
                .withQueryParam("cursor", equalTo("w1p2"))
                .willReturn(okJson(page("", execution("b", FROM.plusSeconds(20), 7),
                        execution("c", boundary.minusMillis(1), 8)))));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).withQueryParam("startTime", equalTo(secondWindow))
                .willReturn(okJson(page("", execution("c", boundary.minusMillis(1), 8),
                        execution("d", boundary.plusSeconds(1), 9)))));

        List<BybitExecution> executions = FakeBybit.client(bybit).executions("BTCUSDT", FROM, boundary.plusSeconds(10));

        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
        assertThat(executions).extracting(BybitExecution::execId).containsExactly("a", "b", "c", "d");
        assertThat(executions).extracting(BybitExecution::seq).containsExactly(6L, 7L, 8L, 9L);
    }

    @Test
    void executions_outside_the_asked_range_are_left_out() {
        Instant to = FROM.plusSeconds(10);
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).willReturn(okJson(page("",
                execution("before", FROM.minusMillis(1), 1), execution("first", FROM, 2),
                execution("last", to, 3), execution("after", to.plusMillis(1), 4)))));

        List<BybitExecution> executions = FakeBybit.client(bybit).executions("BTCUSDT", FROM, to);

        assertThat(executions).extracting(BybitExecution::execId).containsExactly("first", "last");
    }

    @Test
    void every_position_of_the_settle_coin_is_listed_by_settle_coin_over_all_pages() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).withQueryParam("cursor", absent())
                .willReturn(okJson(page("ETHUSDT%2C2", position("BTCUSDT", 0, "Buy", "0.5"),
                        position("ETHUSDT", 1, "Buy", "2")))));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).withQueryParam("cursor", equalTo("ETHUSDT,2"))
                .willReturn(okJson(page("SOLUSDT%2C3", position("ETHUSDT", 2, "Sell", "1")))));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).withQueryParam("cursor", equalTo("SOLUSDT,3"))
                .willReturn(okJson(page("", position("SOLUSDT", 0, "", "0")))));

        List<BybitPosition> positions = FakeBybit.client(bybit).positions(null);

        assertThat(positions).extracting(p -> p.symbol() + "/" + p.positionIdx())
                .containsExactly("BTCUSDT/0", "ETHUSDT/1", "ETHUSDT/2", "SOLUSDT/0");
        List<LoggedRequest> requests = bybit.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(3);
        assertThat(rawParameters(requests.get(0))).containsExactly("category=linear", "settleCoin=USDT", "limit=200");
        assertThat(rawParameters(requests.get(2)))
                .containsExactly("category=linear", "settleCoin=USDT", "limit=200", "cursor=SOLUSDT%2C3");
        assertThat(positions.get(0)).isEqualTo(new BybitPosition("BTCUSDT", 0, "Buy", new BigDecimal("0.5"),
                new BigDecimal("60000.25"), new BigDecimal("60100"), new BigDecimal("49.875"), new BigDecimal("-1.5"),
                new BigDecimal("120.75"), new BigDecimal("10"), null, new BigDecimal("60066.3"),
                new BigDecimal("30050"), "Normal", new BigDecimal("0"), 9_876_543L,
                Instant.ofEpochMilli(1_676_538_056_258L), Instant.ofEpochMilli(1_782_900_000_000L)));
        assertThat(positions.get(3).side()).isNull();
    }

    @Test
    void positions_of_one_symbol_are_asked_by_symbol() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).willReturn(okJson(page("",
                position("BTCUSDT", 1, "Buy", "0.5"), position("BTCUSDT", 2, "Sell", "0.25")))));

        List<BybitPosition> positions = FakeBybit.client(bybit).positions("BTCUSDT");

        assertThat(positions).extracting(BybitPosition::size)
                .containsExactly(new BigDecimal("0.5"), new BigDecimal("0.25"));
        assertThat(rawParameters(bybit.findAll(anyRequestedFor(anyUrl())).get(0)))
                .containsExactly("category=linear", "symbol=BTCUSDT", "limit=200");
    }

    /** A position as Bybit lists it; {@code liqPrice} empty as under portfolio margin. */
    private static String position(String symbol, int positionIdx, String side, String size) {
        return """
                {"positionIdx":%d,"riskId":1,"riskLimitValue":"2000000","symbol":"%s","side":"%s","size":"%s",\
                "avgPrice":"60000.25","positionValue":"30050","tradeMode":0,"positionStatus":"Normal",\
                "autoAddMargin":0,"adlRankIndicator":2,"leverage":"10","positionBalance":"3005.5",\
                "markPrice":"60100","liqPrice":"","bustPrice":"","positionMM":"150","positionIM":"3005",\
                "tpslMode":"Full","takeProfit":"0","stopLoss":"0","trailingStop":"0","unrealisedPnl":"49.875",\
                "curRealisedPnl":"-1.5","cumRealisedPnl":"120.75","breakEvenPrice":"60066.3","seq":9876543,\
                "isReduceOnly":false,"createdTime":"1676538056258","updatedTime":"1782900000000"}"""
                .formatted(positionIdx, symbol, side, size);
    }
}
