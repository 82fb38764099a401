package com.ytrader.positionmanager.standalone.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The bodies the demo publishes, in the formats of docs/ingest.md: an order manager's execution on
 * {@code order-manager.order_executed}, and the WebSocket gateway's envelope around a Bybit v5 position stream
 * message on {@code ws-gateway.position}. Decimals are JSON strings, as Bybit and the order manager send them.
 */
final class DemoMessages {

    private final ObjectMapper json = new ObjectMapper();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private long orders;

    Message execution(DemoFill fill, Instant at) {
        String execId = UUID.randomUUID().toString();
        ObjectNode body = json.createObjectNode()
                .put("order_id", "demo-" + runId + "-" + (++orders))
                .put("asset", fill.asset())
                .put("side", fill.side().wireName())
                .put("filled_quantity", plain(fill.quantity()))
                .put("execution_price", plain(fill.price()))
                .put("execution_fees", plain(fill.fee()))
                .put("mode", "one-way")
                .put("exec_id", execId)
                .put("exec_type", "Trade")
                .put("executed_at", at.toString())
                .put("trace_id", UUID.randomUUID().toString());
        return message(body, execId, at);
    }

    /** One stream message for every instrument, as Bybit batches position updates of one account. */
    Message positionReports(List<DemoInstrument> instruments, long seq, Instant at) {
        ArrayNode data = json.createArrayNode();
        for (DemoInstrument instrument : instruments) {
            data.add(position(instrument, seq, at));
        }
        String eventId = UUID.randomUUID().toString();
        ObjectNode payload = json.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("topic", "position")
                .put("creationTime", at.toEpochMilli());
        payload.set("data", data);
        ObjectNode envelope = json.createObjectNode()
                .put("event_type", "position")
                .put("event_id", eventId)
                .put("trace_id", UUID.randomUUID().toString())
                .put("timestamp", at.toString());
        envelope.set("payload", payload);
        return message(envelope, eventId, at);
    }

    private ObjectNode position(DemoInstrument instrument, long seq, Instant at) {
        SimulatedExchangePosition position = instrument.position();
        BigDecimal size = position.size();
        BigDecimal mark = instrument.markPrice();
        ObjectNode node = json.createObjectNode()
                .put("category", "linear")
                .put("symbol", instrument.asset().symbol())
                .put("side", size.signum() > 0 ? "Buy" : size.signum() < 0 ? "Sell" : "")
                .put("size", plain(size.abs()))
                .put("positionIdx", 0)
                .put("tradeMode", 0)
                .put("leverage", "10")
                .put("markPrice", plain(mark))
                .put("positionValue", plain(size.abs().multiply(mark)))
                .put("unrealisedPnl", plain(position.unrealisedPnl(mark)))
                .put("cumRealisedPnl", plain(position.cumRealisedPnl()))
                .put("positionStatus", "Normal")
                .put("seq", seq)
                .put("updatedTime", Long.toString(at.toEpochMilli()));
        if (size.signum() != 0) {
            // a flat position has no entry price; Bybit's "0" would read as a price
            node.put("entryPrice", plain(position.reportedEntryPrice()));
            node.put("liqPrice", plain(liquidationPrice(position.reportedEntryPrice(), size.signum())));
        }
        return node;
    }

    private Message message(ObjectNode body, String messageId, Instant at) {
        try {
            return MessageBuilder.withBody(json.writeValueAsBytes(body))
                    .setContentType("application/json")
                    .setMessageId(messageId)
                    .setTimestamp(Date.from(at))
                    .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    /**
     * Roughly where the simulated exchange would liquidate at the demo's leverage of 10: a tenth of the entry away,
     * less half a percent of maintenance margin.
     */
    private static BigDecimal liquidationPrice(BigDecimal entry, int direction) {
        BigDecimal distance = new BigDecimal("0.095").multiply(BigDecimal.valueOf(direction));
        return entry.multiply(BigDecimal.ONE.subtract(distance)).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
