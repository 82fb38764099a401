package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.ExchangeRisk;
import com.ytrader.positionmanager.events.MarginMode;
import com.ytrader.positionmanager.events.PositionStatus;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.amqp.core.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What each inbound contract becomes, field by field, through the real broker and event store. */
class InboundContractTest {

    private static IngestApp app;

    @BeforeAll
    static void start() {
        app = IngestApp.start(IngestApp.TestQueues.unique("contract"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_fill_carries_its_trace_id_source_and_amqp_message_id_into_every_event() {
        String asset = asset();
        app.publish(app.queues.orderExecuted(), List.of(IngestApp.json("amqp-1", """
                {"order_id":"o1","asset":"%s","side":"Buy","filled_quantity":"2","execution_price":"100",
                 "execution_fees":"0.1","trace_id":"trace-contract","executed_at":"2026-11-22T10:00:00Z"}"""
                .formatted(asset))));
        List<? extends DomainEventMessage<?>> events = awaitEvents(PositionId.of(asset, PositionMode.ONE_WAY), 2);
        assertThat(events).allSatisfy(event -> assertThat(event.getMetaData())
                .containsEntry(EventMetadata.TRACE_ID, "trace-contract")
                .containsEntry(EventMetadata.SOURCE, "order_execution")
                .containsEntry(EventMetadata.MESSAGE_ID, "amqp-1"));
        FillApplied fill = (FillApplied) events.get(events.size() - 1).getPayload();
        assertThat(fill.fillId()).as("no exec_id: order id and quantity").isEqualTo("o1:2");
        assertThat(fill.executedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void a_message_without_trace_id_gets_a_new_one() {
        String asset = asset();
        app.publish(app.queues.orderExecuted(), List.of(IngestApp.json("amqp-2", """
                {"order_id":"o2","asset":"%s","side":"Sell","filled_quantity":1,"execution_price":99.5,
                 "exec_id":"e2"}""".formatted(asset))));
        List<? extends DomainEventMessage<?>> events = awaitEvents(PositionId.of(asset, PositionMode.ONE_WAY), 2);
        assertThat(String.valueOf(events.get(0).getMetaData().get(EventMetadata.TRACE_ID))).hasSize(36);
    }

    @Test
    void a_funding_execution_is_never_a_fill_it_changes_realized_pnl_only() {
        String asset = asset();
        app.publish(app.queues.orderExecuted(), List.of(
                IngestApp.json("f1", fill(asset, "e1", "Buy", "1", "100")),
                IngestApp.json("f2", """
                        {"order_id":"o-fund","asset":"%s","exec_type":"Funding","exec_id":"fund-1",
                         "execution_fees":"0.25","executed_at":"2026-11-22T11:00:00Z"}""".formatted(asset))));
        List<? extends DomainEventMessage<?>> events = awaitEvents(PositionId.of(asset, PositionMode.ONE_WAY), 3);
        FundingApplied funding = (FundingApplied) events.get(events.size() - 1).getPayload();
        assertThat(funding.amount()).isEqualByComparingTo("0.25");
        assertThat(funding.position().size()).isEqualByComparingTo("1");
    }

    @Test
    void order_events_apply_executions_and_acknowledge_other_statuses_without_a_change() {
        String asset = asset();
        app.publish(app.queues.orderEvents(), List.of(
                IngestApp.json("ev1", "{\"order_id\":\"o9\",\"asset\":\"%s\",\"status\":\"cancelled\"}"
                        .formatted(asset)),
                IngestApp.json("ev2", fill(asset, "e9", "Buy", "3", "10").replace("{", "{\"status\":\"Filled\","))));
        awaitEvents(PositionId.of(asset, PositionMode.ONE_WAY), 2);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                app.ingested(app.queues.orderEvents(), IngestOutcome.IGNORED) >= 1);
    }

    @Test
    void a_hedge_fill_names_its_leg_with_position_idx() {
        String asset = asset();
        app.publish(app.queues.orderExecuted(), List.of(IngestApp.json("h1", """
                {"order_id":"h1","asset":"%s","side":"Sell","filled_quantity":"2","execution_price":"50",
                 "mode":"hedge","position_idx":2,"exec_id":"h-e1"}""".formatted(asset))));
        List<? extends DomainEventMessage<?>> events = awaitEvents(PositionId.of(asset, PositionMode.HEDGE), 2);
        FillApplied fill = (FillApplied) events.get(events.size() - 1).getPayload();
        assertThat(fill.position().shortSize()).isEqualByComparingTo("2");
        assertThat(fill.position().longSize()).isEqualByComparingTo("0");
    }

    @Test
    void a_bybit_position_report_reads_entry_price_cum_realised_pnl_seq_and_updated_time() {
        String asset = asset();
        app.publish(app.queues.wsPosition(), List.of(IngestApp.json("ws1", """
                {"event_type":"position","trace_id":"trace-ws","timestamp":"2026-11-22T12:00:00Z",
                 "payload":{"symbol":"%s","side":"Sell","size":"1.5","positionIdx":0,"entryPrice":"200",
                  "avgPrice":"","markPrice":"190","unrealisedPnl":"15","cumRealisedPnl":"-3","realisedPnl":"7",
                  "seq":"42","updatedTime":"1795000000000","leverage":"10","liqPrice":"230.5",
                  "breakEvenPrice":"199.8","positionValue":"300","positionStatus":"Adl","tradeMode":1}}"""
                .formatted(asset))));
        List<? extends DomainEventMessage<?>> events = awaitEvents(PositionId.of(asset, PositionMode.ONE_WAY), 1);
        ExchangeReportApplied report = events.stream().map(DomainEventMessage::getPayload)
                .filter(ExchangeReportApplied.class::isInstance).map(ExchangeReportApplied.class::cast)
                .findFirst().orElseThrow();
        assertThat(report.reportedSize()).isEqualByComparingTo("-1.5");
        assertThat(report.reportedEntryPrice()).isEqualByComparingTo("200");
        assertThat(report.realizedPnl()).isEqualByComparingTo("-3");
        assertThat(report.seq()).isEqualTo(42);
        assertThat(report.updatedTime()).isEqualTo(Instant.ofEpochMilli(1_795_000_000_000L));
        assertThat(report.position().leg(0).exchange().risk()).isEqualTo(new ExchangeRisk(new BigDecimal("10"),
                new BigDecimal("230.5"), new BigDecimal("199.8"), new BigDecimal("300"), PositionStatus.ADL,
                MarginMode.ISOLATED));
        assertThat(report.position().priceSource()).isEqualTo(PriceSource.WEBSOCKET);
        assertThat(report.position().priceTime()).isEqualTo(report.updatedTime());
        assertThat(events.get(0).getMetaData()).containsEntry(EventMetadata.SOURCE, "websocket")
                .containsEntry(EventMetadata.TRACE_ID, "trace-ws");
    }

    @Test
    void order_events_are_the_orders_state_a_partial_then_a_full_fill_make_the_orders_quantity_once() {
        String asset = asset();
        app.publish(app.queues.orderEvents(), List.of(
                IngestApp.json("st1", orderState(asset, "o-st", "partially_filled", "0.4", "100", "0.04")),
                IngestApp.json("st2", orderState(asset, "o-st", "filled", "1.0", "101", "0.1")),
                IngestApp.json("st3", orderState(asset, "o-st", "filled", "1.0", "101", "0.1"))));
        double duplicatesBefore = app.ingested(app.queues.orderEvents(), IngestOutcome.DUPLICATE);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                lastFill(PositionId.of(asset, PositionMode.ONE_WAY)).position().size().signum() > 0
                        && app.ingested(app.queues.orderEvents(), IngestOutcome.DUPLICATE) > duplicatesBefore);
        FillApplied last = lastFill(PositionId.of(asset, PositionMode.ONE_WAY));
        assertThat(last.position().size()).isEqualByComparingTo("1.0");
        assertThat(last.position().averageEntryPrice()).isEqualByComparingTo("101");
        assertThat(last.position().totalFees()).isEqualByComparingTo("0.1");
    }

    @Test
    void a_fill_published_on_both_queues_counts_once_whichever_arrives_first() {
        String asset = asset();
        app.publish(app.queues.orderEvents(), List.of(
                IngestApp.json("both-1", orderState(asset, "o-both", "partially_filled", "0.4", "100", "0"))));
        awaitEvents(PositionId.of(asset, PositionMode.ONE_WAY), 2);
        app.publish(app.queues.orderExecuted(), List.of(
                IngestApp.json("both-2", fill(asset, "e-both-1", "Buy", "0.4", "100").replace("o-e-both-1", "o-both")),
                IngestApp.json("both-3", fill(asset, "e-both-2", "Buy", "0.6", "102").replace("o-e-both-2", "o-both"))));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> lastFill(PositionId.of(asset, PositionMode.ONE_WAY))
                .position().size().compareTo(BigDecimal.ONE) == 0);
        double duplicatesBefore = app.ingested(app.queues.orderEvents(), IngestOutcome.DUPLICATE);
        app.publish(app.queues.orderEvents(), List.of(
                IngestApp.json("both-4", orderState(asset, "o-both", "filled", "1.0", "101.2", "0"))));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                app.ingested(app.queues.orderEvents(), IngestOutcome.DUPLICATE) > duplicatesBefore);
        assertThat(lastFill(PositionId.of(asset, PositionMode.ONE_WAY)).position().size())
                .isEqualByComparingTo("1.0");
    }

    @Test
    void seq_create_type_and_fee_currency_are_read_and_a_liquidation_carries_its_reason() {
        String asset = asset();
        app.publish(app.queues.orderExecuted(), List.of(
                IngestApp.json("liq-1", fill(asset, "e-open", "Buy", "1", "100")
                        .replace("}", ",\"seq\":11,\"fee_currency\":\"BTC\",\"execution_fees\":\"0.00001\"}")),
                IngestApp.json("liq-2", fill(asset, "e-liq", "Sell", "1", "80")
                        .replace("}", ",\"seq\":12,\"create_type\":\"CreateByLiq\"}"))));
        List<? extends DomainEventMessage<?>> events = awaitEvents(PositionId.of(asset, PositionMode.ONE_WAY), 4);
        List<FillApplied> fills = events.stream().map(DomainEventMessage::getPayload)
                .filter(FillApplied.class::isInstance).map(FillApplied.class::cast).toList();
        assertThat(fills.get(0).seq()).isEqualTo(11L);
        assertThat(fills.get(0).feeCurrency()).isEqualTo("BTC");
        assertThat(fills.get(0).position().feesByCurrency()).containsKey("BTC");
        assertThat(fills.get(1).closeReason()).isEqualTo(CloseReason.LIQUIDATED);
        assertThat(fills.get(1).position().lifecycle().closeReason()).isEqualTo(CloseReason.LIQUIDATED);
    }

    @Test
    void a_delivery_execution_closes_the_position_at_its_price() {
        String asset = asset();
        app.publish(app.queues.orderExecuted(), List.of(
                IngestApp.json("dl-1", fill(asset, "e-fut", "Buy", "2", "100")),
                IngestApp.json("dl-2", fill(asset, "e-dlv", "Sell", "2", "105")
                        .replace("}", ",\"exec_type\":\"Delivery\"}"))));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> lastFill(PositionId.of(asset, PositionMode.ONE_WAY))
                .position().flat());
        FillApplied delivery = lastFill(PositionId.of(asset, PositionMode.ONE_WAY));
        assertThat(delivery.closeReason()).isEqualTo(CloseReason.DELIVERED);
        assertThat(delivery.position().realizedPnl()).isEqualByComparingTo("10");
    }

    @Test
    void a_redelivery_older_than_the_positions_memory_of_fill_ids_changes_nothing() {
        String asset = asset();
        List<Message> fills = new ArrayList<>();
        fills.add(IngestApp.json("old-0", fill(asset, "old-0", "Buy", "1", "100")));
        for (int i = 1; i <= 1_100; i++) {
            fills.add(IngestApp.json("old-" + i, fill(asset, "old-" + i, "Buy", "0.001", "100")));
        }
        double appliedBefore = app.ingested(app.queues.orderExecuted(), IngestOutcome.APPLIED);
        app.publish(app.queues.orderExecuted(), fills);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                app.ingested(app.queues.orderExecuted(), IngestOutcome.APPLIED) >= appliedBefore + fills.size());
        BigDecimal size = lastFill(PositionId.of(asset, PositionMode.ONE_WAY)).position().size();
        double duplicatesBefore = app.ingested(app.queues.orderExecuted(), IngestOutcome.DUPLICATE);

        app.publish(app.queues.orderExecuted(), List.of(IngestApp.json("old-0-again",
                fill(asset, "old-0", "Buy", "1", "100"))));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                app.ingested(app.queues.orderExecuted(), IngestOutcome.DUPLICATE) > duplicatesBefore);
        assertThat(lastFill(PositionId.of(asset, PositionMode.ONE_WAY)).position().size()).isEqualByComparingTo(size);
        assertThat(size).isEqualByComparingTo("2.1");
    }

    private static FillApplied lastFill(String positionId) {
        List<FillApplied> fills = app.events(positionId).stream().map(DomainEventMessage::getPayload)
                .filter(FillApplied.class::isInstance).map(FillApplied.class::cast).toList();
        return fills.isEmpty() ? null : fills.get(fills.size() - 1);
    }

    private static String orderState(String asset, String orderId, String status, String filled, String average,
                                     String fees) {
        return """
                {"order_id":"%s","signal_id":"s1","asset":"%s","side":"Buy","filled_quantity":"%s",                "execution_price":"%s","execution_fees":"%s","status":"%s","executed_at":"2026-11-22T10:00:00Z"}"""
                .formatted(orderId, asset, filled, average, fees, status);
    }

    private static List<? extends DomainEventMessage<?>> awaitEvents(String positionId, int atLeast) {
        await().atMost(Duration.ofSeconds(20)).until(() -> app.events(positionId).size() >= atLeast);
        return app.events(positionId);
    }

    private static String fill(String asset, String execId, String side, String quantity, String price) {
        return """
                {"order_id":"o-%s","asset":"%s","side":"%s","filled_quantity":"%s","execution_price":"%s",\
                "exec_id":"%s"}""".formatted(execId, asset, side, quantity, price, execId);
    }

    private static String asset() {
        return "C" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }
}
