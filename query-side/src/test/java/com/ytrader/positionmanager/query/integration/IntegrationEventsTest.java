package com.ytrader.positionmanager.query.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ApplyMarkPrice;
import com.ytrader.positionmanager.command.position.ReportExchangePosition;
import com.ytrader.positionmanager.command.position.TakeSnapshot;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.position.PositionIds;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IntegrationEventsTest extends QuerySideTest {

    @Autowired
    private RabbitTemplate rabbit;
    @Autowired
    private ObjectMapper json;

    @Test
    void a_fill_publishes_position_updated_and_portfolio_updated_in_the_spec_formats() throws IOException {
        String asset = uniqueAsset("INT") + "USDT";
        Instant executedAt = Instant.now().minus(Duration.ofMinutes(15));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(ApplyFill.of(asset, PositionMode.ONE_WAY, null,
                        asset + "-1", "order-1", Side.SELL, new BigDecimal("2"), new BigDecimal("100"),
                        new BigDecimal("0.0001"), executedAt, null, "BTC", null))
                .andMetaData(MetaData.with(EventMetadata.SOURCE, "order_execution")
                        .and(EventMetadata.TRACE_ID, "trace-" + asset)));

        JsonNode positionUpdated = awaitMessage(PositionUpdated.QUEUE, "trace-" + asset);
        JsonNode portfolioUpdated = awaitMessage(PortfolioUpdated.QUEUE, "trace-" + asset);

        assertThat(positionUpdated.get("event_type").asText()).isEqualTo("position_updated");
        assertThat(positionUpdated.get("position_id").asText())
                .isEqualTo(PositionIds.of(PositionId.of(asset, PositionMode.ONE_WAY)).toString());
        assertThat(positionUpdated.get("asset").asText()).isEqualTo(asset);
        assertDecimal(positionUpdated.get("size"), "-2");
        assertDecimal(positionUpdated.get("unrealized_pnl"), "0");
        assertDecimal(positionUpdated.get("realized_pnl"), "0");
        assertThat(positionUpdated.get("mode").asText()).isEqualTo("one-way");
        assertDecimal(positionUpdated.get("unrealized_pnl_pct"), "0");
        assertThat(positionUpdated.get("time_held_minutes").asLong()).isBetween(15L, 16L);
        assertThat(positionUpdated.get("position_size_norm").isNull()).as("no price yet").isTrue();
        assertThat(positionUpdated.get("update_source").asText()).isEqualTo("order_execution");
        // the figures named and written as the REST API has them
        assertDecimal(positionUpdated.get("total_fees"), "0");
        assertDecimal(positionUpdated.get("fees_by_currency").get("BTC"), "0.0001");
        assertThat(positionUpdated.get("close_reason").isNull()).isTrue();
        assertThat(positionUpdated.get("exchange_size").isNull()).as("no report yet").isTrue();
        assertThat(positionUpdated.get("exchange_seq").isNull()).isTrue();
        assertThat(positionUpdated.get("long_entry_price").isNull()).as("one-way").isTrue();
        assertThat(Instant.parse(positionUpdated.get("timestamp").asText())).isBefore(Instant.now());

        assertThat(portfolioUpdated.get("event_type").asText()).isEqualTo("portfolio_updated");
        assertThat(portfolioUpdated.get("total_exposure_usdt").isTextual()).isTrue();
        assertThat(portfolioUpdated.get("total_unrealized_pnl_usdt").isTextual()).isTrue();
        assertThat(portfolioUpdated.get("total_realized_pnl_usdt").isTextual()).isTrue();
        assertThat(portfolioUpdated.get("open_positions_count").isIntegralNumber()).isTrue();
        assertThat(portfolioUpdated.get("timestamp").asText()).isEqualTo(positionUpdated.get("timestamp").asText());
    }

    @Test
    void position_updated_of_a_hedge_position_carries_its_legs_and_the_exchanges_figures() throws IOException {
        String asset = uniqueAsset("INH");
        Instant t0 = Instant.now().minus(Duration.ofMinutes(5));
        fill(asset, PositionMode.HEDGE, 1, asset + "-1", Side.BUY, "2", "100", "0", t0);
        fill(asset, PositionMode.HEDGE, 2, asset + "-2", Side.SELL, "1", "120", "0", t0.plusSeconds(1));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(ReportExchangePosition.of(asset,
                        PositionMode.HEDGE, 1, new BigDecimal("2"), new BigDecimal("100"), new BigDecimal("101"),
                        new BigDecimal("2"), new BigDecimal("-0.3"), 17, t0.plusSeconds(2)))
                .andMetaData(MetaData.with(EventMetadata.SOURCE, "websocket")
                        .and(EventMetadata.TRACE_ID, "rep-" + asset)));

        JsonNode positionUpdated = awaitMessage(PositionUpdated.QUEUE, "rep-" + asset);

        assertThat(positionUpdated.get("update_source").asText()).isEqualTo("websocket");
        assertDecimal(positionUpdated.get("long_entry_price"), "100");
        assertDecimal(positionUpdated.get("short_entry_price"), "120");
        assertDecimal(positionUpdated.get("long_realized_pnl"), "-0.3");
        assertDecimal(positionUpdated.get("short_realized_pnl"), "0");
        assertDecimal(positionUpdated.get("exchange_size"), "2");
        assertDecimal(positionUpdated.get("exchange_realized_pnl"), "-0.3");
        assertThat(positionUpdated.get("exchange_seq").asLong()).isEqualTo(17);
    }

    @Test
    void a_mark_price_publishes_position_updated_with_the_unrealized_pnl_at_that_price() throws IOException {
        String asset = uniqueAsset("INM");
        Instant t0 = Instant.now().minus(Duration.ofMinutes(5));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "2", "100", "0", t0);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(ApplyMarkPrice.of(asset, PositionMode.ONE_WAY,
                        new BigDecimal("103.5"), PriceSource.REST, t0.plusSeconds(1)))
                .andMetaData(MetaData.with(EventMetadata.TRACE_ID, "mark-" + asset)));

        JsonNode positionUpdated = awaitMessage(PositionUpdated.QUEUE, "mark-" + asset);

        assertDecimal(positionUpdated.get("unrealized_pnl"), "7");
        assertDecimal(positionUpdated.get("size"), "2");
        assertThat(positionUpdated.get("update_source").asText()).as("no source in the metadata: the price's")
                .isEqualTo("rest");
    }

    @Test
    void a_snapshot_publishes_position_snapshot_created_in_the_spec_format() throws IOException {
        String asset = uniqueAsset("SNP");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1.5", "100", "0",
                Instant.now().minus(Duration.ofMinutes(30)));
        String snapshotId = UUID.randomUUID().toString();
        Instant takenAt = Instant.now();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        TakeSnapshot.of(asset, PositionMode.ONE_WAY, snapshotId, takenAt))
                .andMetaData(MetaData.with(EventMetadata.SOURCE, "api").and(EventMetadata.TRACE_ID, "snap-" + asset)));

        JsonNode created = awaitMessage(PositionSnapshotCreated.QUEUE, "snap-" + asset);

        assertThat(created.get("event_type").asText()).isEqualTo("position_snapshot_created");
        assertThat(created.get("snapshot_id").asText()).isEqualTo(snapshotId);
        assertThat(created.get("position_id").asText())
                .isEqualTo(PositionId.uuid(PositionId.of(asset, PositionMode.ONE_WAY)).toString());
        assertThat(created.get("asset").asText()).isEqualTo(asset);
        assertDecimal(created.get("size"), "1.5");
        assertDecimal(created.get("average_entry_price"), "100");
        assertThat(created.get("mode").asText()).isEqualTo("one-way");
        assertThat(created.get("long_size").isNull()).isTrue();
        assertThat(created.get("short_size").isNull()).isTrue();
        assertThat(created.get("long_entry_price").isNull()).isTrue();
        assertDecimal(created.get("total_fees"), "0");
        assertThat(created.get("fees_by_currency").isObject()).isTrue();
        assertThat(created.get("exchange_seq").isNull()).as("never reported").isTrue();
        assertThat(created.get("close_reason").isNull()).isTrue();
        assertThat(created.get("time_held_minutes").asLong()).isBetween(30L, 31L);
        assertThat(Instant.parse(created.get("snapshot_timestamp").asText())).isEqualTo(takenAt);
    }

    /** Reads the queue until the message of this trace arrives; messages of other tests are skipped. */
    private JsonNode awaitMessage(String queue, String traceId) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Message message = rabbit.receive(queue);
            while (message != null) {
                JsonNode body = json.readTree(message.getBody());
                if (traceId.equals(Optional.ofNullable(body.get("trace_id")).map(JsonNode::asText).orElse(null))) {
                    found.add(body);
                    return true;
                }
                message = rabbit.receive(queue);
            }
            return false;
        });
        return found.get(0);
    }
}
