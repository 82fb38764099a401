package com.ytrader.positionmanager.exchange;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** A WireMock Bybit on loopback, the answers it gives, and the client settings of the tests (tiny durations). */
final class FakeBybit {

    static final String API_KEY = "TESTKEY7Qx2Lw9Pz";
    static final String API_SECRET = "TESTSECRETr4Nd0mS3cr3tV4lu3xYz1234";
    static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private FakeBybit() {
    }

    static WireMockExtension extension() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    static BybitProperties settings(String restUrl) {
        return settings(restUrl, 3, Duration.ofMillis(10), Duration.ofSeconds(2), 1000);
    }

    static BybitProperties settings(String restUrl, int maxAttempts, Duration backoff, Duration timeout,
                                    int requestsPerSecond) {
        return new BybitProperties(restUrl, API_KEY, API_SECRET, "linear", "USDT", Duration.ofMillis(5000), timeout,
                maxAttempts, backoff, requestsPerSecond);
    }

    static BybitClient client(WireMockExtension bybit) {
        return new BybitClient(settings(bybit.baseUrl()), CLOCK);
    }

    /** A {@code retCode} 0 answer with one page of rows; {@code cursor} empty on the last page. */
    static String page(String cursor, String... rows) {
        return """
                {"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[%s],"nextPageCursor":"%s"},\
                "retExtInfo":{},"time":%d}""".formatted(String.join(",", rows), cursor, NOW.toEpochMilli());
    }

    static String error(int retCode, String retMsg) {
        return """
                {"retCode":%d,"retMsg":"%s","result":{},"retExtInfo":{},"time":%d}"""
                .formatted(retCode, retMsg, NOW.toEpochMilli());
    }

    /** An execution as Bybit lists it: every number a string. */
    static String execution(String execId, Instant execTime, long seq) {
        return """
                {"symbol":"BTCUSDT","orderType":"Market","underlyingPrice":"","orderLinkId":"link-%1$s",\
                "orderId":"order-%1$s","stopOrderType":"UNKNOWN","execTime":"%2$d","feeCurrency":"USDT",\
                "createType":"CreateByUser","feeRate":"0.00055","tradeIv":"","blockTradeId":"","markPrice":"60010.5",\
                "execPrice":"60000.5","markIv":"","orderQty":"0.010","orderPrice":"60000.5","execValue":"600.005",\
                "closedSize":"","execType":"Trade","seq":%3$d,"side":"Buy","indexPrice":"","leavesQty":"0",\
                "isMaker":false,"execFee":"0.33000275","execId":"%1$s","marketUnit":"","execQty":"0.010",\
                "execPnl":"0"}""".formatted(execId, execTime.toEpochMilli(), seq);
    }

    static String ticker(String symbol, String markPrice, String lastPrice) {
        return """
                {"symbol":"%s","lastPrice":"%s","indexPrice":"60001.1","markPrice":"%s","prevPrice24h":"59000",\
                "price24hPcnt":"0.0169","highPrice24h":"61000","lowPrice24h":"58500","fundingRate":"0.0001",\
                "nextFundingTime":"1782907200000","bid1Price":"60000","ask1Price":"60000.5","volume24h":"1234.5"}"""
                .formatted(symbol, lastPrice, markPrice);
    }

    /** The query string exactly as it arrived, undecoded. */
    static String rawQuery(LoggedRequest request) {
        return URI.create(request.getUrl()).getRawQuery();
    }

    /** The query parameters as they arrived, in order, undecoded. */
    static List<String> rawParameters(LoggedRequest request) {
        return List.of(rawQuery(request).split("&"));
    }

    static String rawParameter(LoggedRequest request, String name) {
        List<String> values = Stream.of(rawQuery(request).split("&"))
                .filter(parameter -> parameter.startsWith(name + "="))
                .map(parameter -> parameter.substring(name.length() + 1))
                .collect(Collectors.toList());
        assertThat(values).as("parameter %s of %s", name, request.getUrl()).hasSize(1);
        return values.get(0);
    }

    /**
     * Checks a request's headers as Bybit verifies them: the key, the timestamp, the receive window, and the HMAC
     * recomputed here from the query string that actually arrived.
     */
    static void assertSignedAsSent(LoggedRequest request, String recvWindow) {
        String timestamp = request.getHeader("X-BAPI-TIMESTAMP");
        assertThat(request.getHeader("X-BAPI-API-KEY")).isEqualTo(API_KEY);
        assertThat(timestamp).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(request.getHeader("X-BAPI-RECV-WINDOW")).isEqualTo(recvWindow);
        assertThat(request.getHeader("X-BAPI-SIGN"))
                .isEqualTo(hmacSha256Hex(API_SECRET, timestamp + API_KEY + recvWindow + rawQuery(request)));
    }

    static String hmacSha256Hex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
