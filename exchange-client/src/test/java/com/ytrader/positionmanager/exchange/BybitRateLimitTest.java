package com.ytrader.positionmanager.exchange;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.ytrader.positionmanager.exchange.FakeBybit.CLOCK;
import static com.ytrader.positionmanager.exchange.FakeBybit.page;
import static com.ytrader.positionmanager.exchange.FakeBybit.settings;
import static com.ytrader.positionmanager.exchange.FakeBybit.ticker;
import static org.assertj.core.api.Assertions.assertThat;

class BybitRateLimitTest {

    @RegisterExtension
    static final WireMockExtension bybit = FakeBybit.extension();

    @Test
    void no_more_requests_than_requests_per_second_leave_in_one_second() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.TICKERS))
                .willReturn(okJson(page("", ticker("BTCUSDT", "60010.5", "60000.5")))));
        long start = System.nanoTime();
        BybitClient client = new BybitClient(settings(bybit.baseUrl(), 1, Duration.ofMillis(10),
                Duration.ofSeconds(2), 2), CLOCK);

        for (int i = 0; i < 6; i++) {
            client.tickers(List.of("BTCUSDT"));
        }

        // 2 permits a second from the client's creation on: the 5th and 6th request wait for the third second
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).hasSize(6);
    }
}
