package com.ytrader.positionmanager.exchange;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.ytrader.positionmanager.exchange.FakeBybit.API_KEY;
import static com.ytrader.positionmanager.exchange.FakeBybit.API_SECRET;
import static com.ytrader.positionmanager.exchange.FakeBybit.CLOCK;
import static com.ytrader.positionmanager.exchange.FakeBybit.NOW;
import static com.ytrader.positionmanager.exchange.FakeBybit.error;
import static com.ytrader.positionmanager.exchange.FakeBybit.execution;
import static com.ytrader.positionmanager.exchange.FakeBybit.page;
import static com.ytrader.positionmanager.exchange.FakeBybit.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BybitFailuresTest {

    private static final Instant FROM = NOW.minusSeconds(3600);

    @RegisterExtension
    static final WireMockExtension bybit = FakeBybit.extension();

    @Test
    void a_refused_signature_is_not_retried_and_names_ret_code_and_ret_msg_without_the_key() {
        // Bybit's 10004 echoes the string it signed, API key included
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).willReturn(okJson(error(10004,
                "error sign! origin_string[" + NOW.toEpochMilli() + API_KEY + "5000category=linear&symbol=BTCUSDT]"))));

        assertThatThrownBy(() -> FakeBybit.client(bybit).positions("BTCUSDT"))
                .isInstanceOfSatisfying(BybitRefusedException.class, refused -> {
                    assertThat(refused.retCode()).isEqualTo(10004);
                    assertThat(refused.retMsg()).startsWith("error sign!");
                })
                .hasMessageContaining("GET /v5/position/list").hasMessageContaining("retCode 10004")
                .hasMessageContaining("error sign!")
                .message().doesNotContain(API_KEY).doesNotContain(API_SECRET);
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void key_permission_and_timestamp_refusals_are_not_retried() {
        for (int retCode : new int[] {10002, 10003, 10005}) {
            bybit.resetAll();
            bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).willReturn(okJson(error(retCode, "refused"))));

            assertThatThrownBy(() -> FakeBybit.client(bybit).positions(null))
                    .isInstanceOf(BybitRefusedException.class).hasMessageContaining("retCode " + retCode);
            assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).as("requests for retCode %d", retCode).hasSize(1);
        }
    }

    @Test
    void a_rate_limited_answer_10006_is_retried_after_the_back_off() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(okJson(error(10006, "Too many visits!"))).willSetStateTo("ok"));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson(page("", position()))));

        List<BybitPosition> positions = FakeBybit.client(bybit).positions("BTCUSDT");

        assertThat(positions).hasSize(1);
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void each_attempt_is_signed_anew_with_the_clock_of_its_own_time() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(okJson(error(10006, "Too many visits!"))).willSetStateTo("ok"));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson(page("", position()))));
        Clock ticking = new Clock() {
            private final AtomicLong reads = new AtomicLong();

            @Override
            public Instant instant() {
                return NOW.plusSeconds(reads.getAndIncrement());
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                // always UTC: the client reads only instants
                return this;
            }
        };

        new BybitClient(settings(bybit.baseUrl()), ticking).positions("BTCUSDT");

        List<LoggedRequest> requests = bybit.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).extracting(request -> request.getHeader("X-BAPI-TIMESTAMP"))
                .containsExactly(Long.toString(NOW.toEpochMilli()), Long.toString(NOW.plusSeconds(1).toEpochMilli()));
        for (LoggedRequest request : requests) {
            assertThat(request.getHeader("X-BAPI-SIGN")).isEqualTo(FakeBybit.hmacSha256Hex(API_SECRET,
                    request.getHeader("X-BAPI-TIMESTAMP") + API_KEY + "5000" + FakeBybit.rawQuery(request)));
        }
    }

    @Test
    void server_errors_are_retried_with_a_back_off_that_doubles() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(serviceUnavailable().withBody("<html>503</html>")).willSetStateTo("second"));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).inScenario("5xx").whenScenarioStateIs("second")
                .willReturn(status(502)).willSetStateTo("ok"));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(okJson(page("", execution("e1", FROM.plusSeconds(1), 1)))));
        BybitClient client = new BybitClient(settings(bybit.baseUrl(), 4, Duration.ofMillis(100),
                Duration.ofSeconds(2), 1000), CLOCK);

        List<BybitExecution> executions = client.executions("BTCUSDT", FROM, NOW);

        assertThat(executions).hasSize(1);
        List<LoggedRequest> requests = bybit.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(3);
        long firstWait = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        long secondWait = requests.get(2).getLoggedDate().getTime() - requests.get(1).getLoggedDate().getTime();
        assertThat(firstWait).as("wait before the first retry").isBetween(99L, 1000L);
        assertThat(secondWait).as("wait before the second retry").isBetween(199L, 1100L);
    }

    @Test
    void server_errors_on_every_attempt_end_in_exchange_unavailable_after_max_attempts() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).willReturn(serviceUnavailable()));

        assertThatThrownBy(() -> FakeBybit.client(bybit).positions("BTCUSDT"))
                .isInstanceOfSatisfying(BybitUnavailableException.class,
                        unavailable -> assertThat(unavailable.attempts()).isEqualTo(3))
                .hasMessageContaining("Bybit exchange unavailable").hasMessageContaining("GET /v5/position/list")
                .hasMessageContaining("HTTP 503");
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
    }

    @Test
    void http_403_the_ip_rate_limit_is_transient_and_retried() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).inScenario("403").whenScenarioStateIs(STARTED)
                .willReturn(status(403).withBody("access too frequent")).willSetStateTo("ok"));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).inScenario("403").whenScenarioStateIs("ok")
                .willReturn(okJson(page("", position()))));

        assertThat(FakeBybit.client(bybit).positions("BTCUSDT")).hasSize(1);
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void a_timeout_is_retried_then_reported_as_exchange_unavailable() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS))
                .willReturn(okJson(page("", position())).withFixedDelay(600)));
        BybitClient client = new BybitClient(settings(bybit.baseUrl(), 2, Duration.ofMillis(10),
                Duration.ofMillis(200), 1000), CLOCK);

        assertThatThrownBy(() -> client.positions("BTCUSDT"))
                .isInstanceOf(BybitUnavailableException.class)
                .hasMessageContaining("failed after 2 attempts").hasMessageContaining("timed out after PT0.2S");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(2));
    }

    @Test
    void a_refused_connection_is_retried_then_reported_as_exchange_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BybitClient client = new BybitClient(settings("http://127.0.0.1:" + closedPort, 3, Duration.ofMillis(10),
                Duration.ofSeconds(1), 1000), CLOCK);

        assertThatThrownBy(() -> client.tickers(List.of("BTCUSDT")))
                .isInstanceOfSatisfying(BybitUnavailableException.class,
                        unavailable -> assertThat(unavailable.attempts()).isEqualTo(3))
                .hasMessageContaining("I/O error");
    }

    @Test
    void an_html_body_is_malformed_not_retried_and_quoted_abbreviated() {
        String html = "<html><head><title>Bybit</title></head><body>" + "maintenance ".repeat(40) + "END</body></html>";
        bybit.stubFor(get(urlPathEqualTo(BybitClient.TICKERS))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(html)));

        assertThatThrownBy(() -> FakeBybit.client(bybit).tickers(List.of("BTCUSDT")))
                .isInstanceOf(BybitMalformedResponseException.class)
                .hasMessageContaining("GET /v5/market/tickers: the body is not JSON: \"<html><head><title>Bybit")
                .hasMessageContaining("…")
                .message().doesNotContain("END</body>");
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void an_empty_json_object_is_malformed_for_want_of_a_ret_code() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).willReturn(okJson("{}")));

        assertThatThrownBy(() -> FakeBybit.client(bybit).positions("BTCUSDT"))
                .isInstanceOf(BybitMalformedResponseException.class)
                .hasMessageContaining("GET /v5/position/list: the body is not a Bybit answer (no retCode)");
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void an_answer_without_result_or_without_its_list_is_malformed() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).willReturn(okJson("{\"retCode\":0,\"retMsg\":\"OK\"}")));
        assertThatThrownBy(() -> FakeBybit.client(bybit).positions("BTCUSDT"))
                .isInstanceOf(BybitMalformedResponseException.class).hasMessageContaining("the answer has no result");

        bybit.resetAll();
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS))
                .willReturn(okJson("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"nextPageCursor\":\"\"}}")));
        assertThatThrownBy(() -> FakeBybit.client(bybit).positions("BTCUSDT"))
                .isInstanceOf(BybitMalformedResponseException.class)
                .hasMessageContaining("GET /v5/position/list: result has no list");
    }

    @Test
    void a_bad_decimal_is_malformed_naming_the_row_the_field_and_the_value() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).willReturn(okJson(page("",
                execution("e1", FROM.plusSeconds(1), 1),
                execution("e2", FROM.plusSeconds(2), 2).replace("\"execQty\":\"0.010\"", "\"execQty\":\"0.0.1\"")))));

        assertThatThrownBy(() -> FakeBybit.client(bybit).executions("BTCUSDT", FROM, NOW))
                .isInstanceOf(BybitMalformedResponseException.class)
                .hasMessage("GET /v5/execution/list list[1]: execQty is not a decimal: \"0.0.1\"");
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void a_bad_time_is_malformed_naming_the_field() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).willReturn(okJson(page("",
                execution("e1", FROM.plusSeconds(1), 1).replaceAll("\"execTime\":\"\\d+\"",
                        "\"execTime\":\"2026-07-01T12:00:00Z\"")))));

        assertThatThrownBy(() -> FakeBybit.client(bybit).executions("BTCUSDT", FROM, NOW))
                .isInstanceOf(BybitMalformedResponseException.class)
                .hasMessage("GET /v5/execution/list list[0]: execTime is not a time in epoch milliseconds: "
                        + "\"2026-07-01T12:00:00Z\"");
    }

    @Test
    void a_cursor_that_repeats_is_malformed_instead_of_an_endless_loop() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).willReturn(okJson(page("same", position()))));

        assertThatThrownBy(() -> FakeBybit.client(bybit).positions(null))
                .isInstanceOf(BybitMalformedResponseException.class)
                .hasMessageContaining("nextPageCursor repeats an earlier page: \"same\"");
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void a_range_whose_from_is_after_its_to_is_refused_without_a_request() {
        assertThatThrownBy(() -> FakeBybit.client(bybit).executions("BTCUSDT", NOW, FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is after to");
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void without_credentials_has_credentials_is_false_and_private_calls_refuse_without_a_request() {
        BybitClient client = new BybitClient(new BybitProperties(bybit.baseUrl(), "", null, "linear", "USDT",
                Duration.ofMillis(5000), Duration.ofSeconds(1), 3, Duration.ofMillis(10), 100), CLOCK);

        assertThat(client.hasCredentials()).isFalse();
        assertThatThrownBy(() -> client.executions("BTCUSDT", FROM, NOW))
                .isInstanceOf(BybitCredentialsMissingException.class)
                .hasMessageContaining("GET /v5/execution/list needs an API key and secret");
        assertThatThrownBy(() -> client.positions(null))
                .isInstanceOf(BybitCredentialsMissingException.class)
                .hasMessageContaining("GET /v5/position/list needs an API key and secret");
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private static String position() {
        return """
                {"positionIdx":0,"symbol":"BTCUSDT","side":"Buy","size":"0.5","avgPrice":"60000","markPrice":"60100",\
                "unrealisedPnl":"50","curRealisedPnl":"0","cumRealisedPnl":"10","leverage":"10","liqPrice":"",\
                "breakEvenPrice":"60050","positionValue":"30000","positionStatus":"Normal","trailingStop":"0",\
                "seq":42,"createdTime":"1676538056258","updatedTime":"1782900000000"}""";
    }
}
