package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.command.position.ApplyFunding;
import com.ytrader.positionmanager.command.position.ApplyMarkPrice;
import com.ytrader.positionmanager.command.position.ReportExchangePosition;
import com.ytrader.positionmanager.events.ExchangeRisk;
import com.ytrader.positionmanager.events.MarginMode;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionStatus;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk figures of a position (README, "Prices and risk figures"), from our own events and the exchange's latest
 * report, and the freshness of its mark price (threshold 300 s), as REST, as-of and the portfolio show them.
 */
class RiskFiguresApiTest extends QuerySideTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void a_long_shows_its_break_even_after_fees_the_exchanges_risk_figures_and_its_distance_to_liquidation() {
        String asset = uniqueAsset("RKL");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "2", "100", "0.2", now.minusSeconds(60));
        reportWithRisk(asset, 0, "2", "110", now, new ExchangeRisk(new BigDecimal("10"), new BigDecimal("91"),
                new BigDecimal("100.15"), new BigDecimal("200"), PositionStatus.NORMAL, MarginMode.CROSS));
        awaitProjections();

        JsonNode position = get("/api/v1/positions/" + asset).body();

        // 100 + 0.2 fee / 2
        assertDecimal(position.get("break_even_price"), "100.1");
        assertDecimal(position.get("exchange_break_even_price"), "100.15");
        assertDecimal(position.get("leverage"), "10");
        assertDecimal(position.get("liq_price"), "91");
        assertThat(position.get("liq_price_estimated").asBoolean()).as("cross margin").isTrue();
        assertDecimal(position.get("position_value"), "200");
        assertThat(position.get("position_status").asText()).isEqualTo("Normal");
        // (110 - 91) / 110 * 100
        assertThat(new BigDecimal(position.get("liquidation_distance_pct").asText()))
                .isEqualByComparingTo("17.272727272727272727");
        assertThat(position.get("price_source").asText()).isEqualTo("websocket");
        assertThat(Instant.parse(position.get("price_updated_at").asText())).isEqualTo(now);
        assertThat(position.get("price_stale").asBoolean()).isFalse();
    }

    @Test
    void a_short_moves_its_break_even_down_by_the_funding_it_paid_and_an_isolated_liq_price_is_no_estimate() {
        String asset = uniqueAsset("RKS");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.SELL, "4", "50", "0", now.minusSeconds(120));
        commands.sendAndWait(ApplyFunding.of(asset, PositionMode.ONE_WAY, null, asset + "-funding",
                new BigDecimal("1"), now.minusSeconds(60), null));
        reportWithRisk(asset, 0, "-4", "40", now, new ExchangeRisk(new BigDecimal("5"), new BigDecimal("60"), null,
                null, PositionStatus.LIQ, MarginMode.ISOLATED));
        awaitProjections();

        JsonNode position = get("/api/v1/positions/" + asset).body();

        // 50 - 1 funding / 4
        assertDecimal(position.get("break_even_price"), "49.75");
        assertThat(position.get("exchange_break_even_price").isNull()).isTrue();
        assertThat(position.get("liq_price_estimated").asBoolean()).isFalse();
        assertThat(position.get("position_status").asText()).isEqualTo("Liq");
        // the price must rise (60 - 40) / 40 = 50 % before a short is liquidated
        assertDecimal(position.get("liquidation_distance_pct"), "50");
    }

    @Test
    void a_price_older_than_the_threshold_is_stale_now_but_was_fresh_at_the_time_it_was_quoted() {
        String asset = uniqueAsset("RKO");
        Instant quoted = now.minusSeconds(600);
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", quoted.minusSeconds(60));
        reportWithRisk(asset, 0, "1", "101", quoted, null);
        awaitProjections();

        assertThat(get("/api/v1/positions/" + asset).body().get("price_stale").asBoolean()).isTrue();
        JsonNode then = asOf(asset, quoted.plusSeconds(10)).body();
        assertThat(then.get("price_stale").asBoolean()).isFalse();
        assertThat(then.get("price_source").asText()).isEqualTo("websocket");
        assertThat(asOf(asset, quoted.plusSeconds(301)).body().get("price_stale").asBoolean()).isTrue();
    }

    @Test
    void a_price_fetched_from_the_rest_api_makes_the_position_fresh_and_names_its_source() {
        String asset = uniqueAsset("RKR");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", now.minusSeconds(900));
        reportWithRisk(asset, 0, "1", "101", now.minusSeconds(800), null);
        commands.sendAndWait(ApplyMarkPrice.of(asset, PositionMode.ONE_WAY, new BigDecimal("101"), PriceSource.REST,
                now));
        awaitProjections();

        JsonNode position = get("/api/v1/positions/" + asset).body();

        assertThat(position.get("price_source").asText()).isEqualTo("rest");
        assertThat(Instant.parse(position.get("price_updated_at").asText())).isEqualTo(now);
        assertThat(position.get("price_stale").asBoolean()).isFalse();
    }

    @Test
    void the_portfolio_counts_the_open_positions_without_a_fresh_price_instead_of_summing_them_silently() {
        String asset = uniqueAsset("RKP");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", now.minusSeconds(900));
        fill(asset, PositionMode.HEDGE, 1, asset + "-2", Side.BUY, "1", "100", "0", now.minusSeconds(900));
        reportWithRisk(asset, 0, "1", "101", now.minusSeconds(800), null);
        String fresh = uniqueAsset("RKF");
        fill(fresh, PositionMode.ONE_WAY, null, fresh + "-1", Side.BUY, "1", "100", "0", now.minusSeconds(900));
        reportWithRisk(fresh, 0, "1", "101", now, null);
        awaitProjections();

        // one with an old price, one without any
        assertThat(get("/api/v1/portfolio?asset=" + asset).body().get("stale_prices_count").asLong()).isEqualTo(2);
        assertThat(get("/api/v1/portfolio?asset=" + fresh).body().get("stale_prices_count").asLong()).isZero();
        assertThat(get("/api/v1/portfolio/exposure").body().get("stale_prices_count").asLong())
                .isGreaterThanOrEqualTo(2);
    }

    private void reportWithRisk(String asset, int positionIdx, String size, String markPrice, Instant at,
                                ExchangeRisk risk) {
        BigDecimal signed = new BigDecimal(size);
        commands.sendAndWait(ReportExchangePosition.of(asset, PositionMode.ONE_WAY, positionIdx, signed, null,
                new BigDecimal(markPrice), null, null, -1, at).withRisk(risk));
    }
}
