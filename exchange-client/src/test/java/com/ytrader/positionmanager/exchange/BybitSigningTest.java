package com.ytrader.positionmanager.exchange;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.ytrader.positionmanager.exchange.FakeBybit.API_KEY;
import static com.ytrader.positionmanager.exchange.FakeBybit.API_SECRET;
import static com.ytrader.positionmanager.exchange.FakeBybit.NOW;
import static com.ytrader.positionmanager.exchange.FakeBybit.assertSignedAsSent;
import static com.ytrader.positionmanager.exchange.FakeBybit.execution;
import static com.ytrader.positionmanager.exchange.FakeBybit.page;
import static com.ytrader.positionmanager.exchange.FakeBybit.rawParameter;
import static com.ytrader.positionmanager.exchange.FakeBybit.rawQuery;
import static com.ytrader.positionmanager.exchange.FakeBybit.ticker;
import static org.assertj.core.api.Assertions.assertThat;

class BybitSigningTest {

    @RegisterExtension
    static final WireMockExtension bybit = FakeBybit.extension();

    @Test
    void a_private_request_carries_key_timestamp_recv_window_and_the_hmac_sha256_of_exactly_the_query_sent() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).willReturn(okJson(page(""))));

        FakeBybit.client(bybit).positions("BTCUSDT");

        LoggedRequest request = bybit.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(rawQuery(request)).isEqualTo("category=linear&symbol=BTCUSDT&limit=200");
        assertSignedAsSent(request, "5000");
        // the same signature computed outside Java, with: printf '%s' "$timestamp$key$recvWindow$query" |
        // openssl dgst -sha256 -hmac "$secret"
        assertThat(request.getHeader("X-BAPI-SIGN"))
                .isEqualTo("7f323f56bfe755e6d9de037b4ffe728f62a5887a47df3a9647d46db1a91fe64d");
        assertThat(request.getHeader("X-BAPI-TIMESTAMP")).isEqualTo(Long.toString(NOW.toEpochMilli()));
    }

    @Test
    void a_cursor_is_sent_back_as_bybit_gave_it_and_signed_as_sent() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS)).withQueryParam("cursor", absent())
                .willReturn(okJson(page("BTCUSDT%2C1782907200000%3A0", execution("e1", NOW.minusSeconds(5), 1)))));
        bybit.stubFor(get(urlPathEqualTo(BybitClient.EXECUTIONS))
                .withQueryParam("cursor", equalTo("BTCUSDT,1782907200000:0"))
                .willReturn(okJson(page(""))));

        FakeBybit.client(bybit).executions("BTCUSDT", NOW.minusSeconds(60), NOW);

        List<LoggedRequest> requests = bybit.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(2);
        assertThat(rawParameter(requests.get(1), "cursor")).isEqualTo("BTCUSDT%2C1782907200000%3A0");
        requests.forEach(request -> assertSignedAsSent(request, "5000"));
    }

    @Test
    void tickers_are_public_and_sent_unsigned() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.TICKERS))
                .willReturn(okJson(page("", ticker("BTCUSDT", "60010.5", "60000.5")))));

        FakeBybit.client(bybit).tickers(List.of("BTCUSDT"));

        LoggedRequest request = bybit.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(request.getHeaders().keys())
                .noneMatch(header -> header.toUpperCase().startsWith("X-BAPI"));
        assertThat(request.getUrl()).doesNotContain(API_KEY).doesNotContain(API_SECRET);
    }
}
