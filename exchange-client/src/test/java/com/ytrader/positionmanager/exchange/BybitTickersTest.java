package com.ytrader.positionmanager.exchange;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.ytrader.positionmanager.exchange.FakeBybit.error;
import static com.ytrader.positionmanager.exchange.FakeBybit.page;
import static com.ytrader.positionmanager.exchange.FakeBybit.rawParameters;
import static com.ytrader.positionmanager.exchange.FakeBybit.ticker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BybitTickersTest {

    @RegisterExtension
    static final WireMockExtension bybit = FakeBybit.extension();

    @Test
    void the_ticker_of_one_symbol_is_asked_by_symbol() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.TICKERS))
                .willReturn(okJson(page("", ticker("BTCUSDT", "60010.5", "60000.5")))));

        Map<String, BybitTicker> tickers = FakeBybit.client(bybit).tickers(List.of("BTCUSDT"));

        assertThat(tickers).containsExactly(Map.entry("BTCUSDT",
                new BybitTicker("BTCUSDT", new BigDecimal("60010.5"), new BigDecimal("60000.5"))));
        assertThat(rawParameters(bybit.findAll(anyRequestedFor(anyUrl())).get(0)))
                .containsExactly("category=linear", "symbol=BTCUSDT");
    }

    @Test
    void tickers_of_many_symbols_take_one_request_for_the_category_and_leave_unknown_symbols_absent() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.TICKERS)).willReturn(okJson(page("",
                ticker("BTCUSDT", "60010.5", "60000.5"), ticker("ETHUSDT", "", "3000.25"),
                ticker("SOLUSDT", "150.1", "150")))));

        Map<String, BybitTicker> tickers = FakeBybit.client(bybit).tickers(List.of("BTCUSDT", "ETHUSDT", "NOSUCHUSDT"));

        assertThat(tickers).containsOnlyKeys("BTCUSDT", "ETHUSDT");
        assertThat(tickers.get("ETHUSDT").markPrice()).isNull();
        assertThat(tickers.get("ETHUSDT").lastPrice()).isEqualByComparingTo("3000.25");
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).singleElement()
                .satisfies(request -> assertThat(rawParameters(request)).containsExactly("category=linear"));
    }

    @Test
    void one_unknown_symbol_is_absent_whether_bybit_answers_symbol_invalid_or_an_empty_list() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.TICKERS))
                .willReturn(okJson(error(10001, "params error: symbol invalid"))));
        assertThat(FakeBybit.client(bybit).tickers(List.of("NOSUCHUSDT"))).isEmpty();

        bybit.resetAll();
        bybit.stubFor(get(urlPathEqualTo(BybitClient.TICKERS)).willReturn(okJson(page(""))));
        assertThat(FakeBybit.client(bybit).tickers(List.of("NOSUCHUSDT"))).isEmpty();
    }

    @Test
    void another_parameter_error_of_a_ticker_request_is_a_refusal() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.TICKERS))
                .willReturn(okJson(error(10001, "params error: category invalid"))));

        assertThatThrownBy(() -> FakeBybit.client(bybit).tickers(List.of("BTCUSDT")))
                .isInstanceOf(BybitRefusedException.class)
                .hasMessageContaining("retCode 10001").hasMessageContaining("category invalid");
    }

    @Test
    void no_symbols_asked_sends_no_request() {
        assertThat(FakeBybit.client(bybit).tickers(List.of())).isEmpty();
        assertThat(bybit.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
