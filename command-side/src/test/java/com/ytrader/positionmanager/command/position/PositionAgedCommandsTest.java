package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedCloseRequested;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static com.ytrader.positionmanager.command.position.EventExpectations.a;
import static com.ytrader.positionmanager.command.position.EventExpectations.exactly;
import static com.ytrader.positionmanager.command.position.Fills.ASSET;
import static com.ytrader.positionmanager.command.position.Fills.T0;
import static com.ytrader.positionmanager.command.position.Fills.buy;
import static com.ytrader.positionmanager.command.position.Fills.hedge;
import static com.ytrader.positionmanager.command.position.Fills.sell;
import static org.assertj.core.api.Assertions.assertThat;

/** What the position records of the aged saga's decisions, and what a newer mark price does. */
class PositionAgedCommandsTest {

    private static final String POSITION_ID = PositionId.of(ASSET, PositionMode.ONE_WAY);

    private final FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());

    @Test
    void a_close_request_takes_the_closing_side_and_the_whole_open_quantity_of_the_leg_as_it_is_now() {
        fixture.givenCommands(buy("1", "100"), buy("0.5", "103"))
                .when(request(POSITION_ID, 1, 0, "request-1"))
                .expectResultMessagePayload(true)
                .expectEventsMatching(exactly(a(AgedCloseRequested.class, request -> {
                    assertThat(request.side()).isEqualTo(Side.SELL);
                    assertThat(request.quantity()).isEqualByComparingTo("1.5");
                    assertThat(request.requestId()).isEqualTo("request-1");
                })));
    }

    @Test
    void a_close_request_for_a_short_hedge_leg_buys_back_that_leg() {
        String hedgeId = PositionId.of(ASSET, PositionMode.HEDGE);
        fixture.givenCommands(hedge(Side.BUY, 1, "2", "100"), hedge(Side.SELL, 2, "3", "101"))
                .when(request(hedgeId, 1, 2, "request-short"))
                .expectEventsMatching(exactly(a(AgedCloseRequested.class, request -> {
                    assertThat(request.side()).isEqualTo(Side.BUY);
                    assertThat(request.quantity()).isEqualByComparingTo("3");
                    assertThat(request.positionIdx()).isEqualTo(2);
                })));
    }

    @Test
    void a_close_request_retried_with_the_same_id_is_recorded_once() {
        fixture.givenCommands(buy("1", "100"), request(POSITION_ID, 1, 0, "request-1"))
                .when(request(POSITION_ID, 1, 0, "request-1"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void no_close_request_is_recorded_for_a_lifecycle_that_is_over() {
        fixture.givenCommands(buy("1", "100"), sell("1", "101"), buy("2", "99"))
                .when(request(POSITION_ID, 1, 0, "request-of-the-first-lifecycle"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_phase_change_is_recorded_once_and_only_while_its_lifecycle_is_open() {
        AgedPhaseChanged detected = new AgedPhaseChanged(POSITION_ID, ASSET, PositionMode.ONE_WAY, 1, 0, "aged-1",
                null, AgedPhase.DETECTED, Side.BUY, new BigDecimal("100"), null, null, BigDecimal.ZERO,
                new BigDecimal("100.11"), "old", T0.plusSeconds(3 * 3600));
        fixture.givenCommands(buy("1", "100"), new RecordAgedPhase(POSITION_ID, detected))
                .when(new RecordAgedPhase(POSITION_ID, detected))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_newer_mark_price_recomputes_the_unrealized_pnl_of_the_open_legs() {
        fixture.givenCommands(buy("2", "100"))
                .when(ApplyMarkPrice.of(ASSET, PositionMode.ONE_WAY, new BigDecimal("103"), PriceSource.WEBSOCKET,
                        T0.plusSeconds(60)))
                .expectEventsMatching(exactly(a(MarkPriceUpdated.class, update -> {
                    assertThat(update.position().currentPrice()).isEqualByComparingTo("103");
                    assertThat(update.position().unrealizedPnl()).isEqualByComparingTo("6");
                    assertThat(update.source()).isEqualTo(PriceSource.WEBSOCKET);
                })));
    }

    @Test
    void a_mark_price_quoted_before_the_current_one_changes_nothing() {
        fixture.givenCommands(buy("2", "100"), ApplyMarkPrice.of(ASSET, PositionMode.ONE_WAY, new BigDecimal("103"),
                        PriceSource.WEBSOCKET, T0.plusSeconds(60)))
                .when(ApplyMarkPrice.of(ASSET, PositionMode.ONE_WAY, new BigDecimal("90"), PriceSource.WEBSOCKET,
                        T0.plusSeconds(59)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_flat_position_records_no_mark_price() {
        fixture.givenCommands(buy("1", "100"), sell("1", "101"))
                .when(ApplyMarkPrice.of(ASSET, PositionMode.ONE_WAY, new BigDecimal("103"), PriceSource.REST,
                        T0.plusSeconds(60)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_ticker_price_and_an_older_report_give_the_same_figures_in_either_order() {
        ApplyMarkPrice ticker = ApplyMarkPrice.of(ASSET, PositionMode.ONE_WAY, new BigDecimal("104"),
                PriceSource.WEBSOCKET, T0.plusSeconds(60));
        ReportExchangePosition report = ReportExchangePosition.of(ASSET, PositionMode.ONE_WAY, 0, new BigDecimal("2"),
                new BigDecimal("100"), new BigDecimal("102"), new BigDecimal("4"), BigDecimal.ZERO, 7,
                T0.plusSeconds(59));
        PositionFigures[] tickerFirst = new PositionFigures[1];
        PositionFigures[] reportFirst = new PositionFigures[1];
        PositionFixture.with(ReconciliationPolicy.defaults()).givenCommands(buy("2", "100"), ticker)
                .when(report).expectState(position -> tickerFirst[0] = position.figures());
        PositionFixture.with(ReconciliationPolicy.defaults()).givenCommands(buy("2", "100"), report)
                .when(ticker).expectState(position -> reportFirst[0] = position.figures());

        assertThat(tickerFirst[0].currentPrice()).isEqualByComparingTo("104");
        assertThat(tickerFirst[0].unrealizedPnl()).isEqualByComparingTo("8");
        assertThat(tickerFirst[0].currentPrice()).isEqualByComparingTo(reportFirst[0].currentPrice());
        assertThat(tickerFirst[0].unrealizedPnl()).isEqualByComparingTo(reportFirst[0].unrealizedPnl());
        assertThat(tickerFirst[0].realizedPnl()).isEqualByComparingTo(reportFirst[0].realizedPnl());
        assertThat(tickerFirst[0].size()).isEqualByComparingTo(reportFirst[0].size());
    }

    private static RequestAgedClose request(String positionId, int lifecycle, int positionIdx, String requestId) {
        return new RequestAgedClose(positionId, lifecycle, positionIdx, "aged-1", requestId,
                AgedCloseReason.AGED_PROFIT, AgedPhase.DETECTED, new BigDecimal("100"), new BigDecimal("101"), 1,
                "trace-1", Instant.parse("2026-11-21T13:00:00Z"));
    }
}
