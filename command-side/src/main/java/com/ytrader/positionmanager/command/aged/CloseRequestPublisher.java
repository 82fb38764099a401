package com.ytrader.positionmanager.command.aged;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.ytrader.positionmanager.events.AgedCloseRequested;
import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.messaging.ConfirmedPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends each recorded close request to the order manager's queue (docs/aged-positions.md), as the fan-out sends
 * domain events: a tracking processor reads them from the event store, and its token moves only after the broker
 * confirmed the batch. A crash republishes, never skips; the order manager tells a repeat by its {@code request_id}.
 */
@ProcessingGroup(CloseRequestPublisher.PROCESSING_GROUP)
final class CloseRequestPublisher {

    static final String PROCESSING_GROUP = "aged-close-requests";

    private final ObjectMapper json;
    private final BatchBuffer<List<AgedCloseRequested>> batches;

    CloseRequestPublisher(ConfirmedPublisher publisher, ObjectMapper json, String queue) {
        this.json = json;
        this.batches = new BatchBuffer<>(CloseRequestPublisher.class.getName(), ArrayList::new,
                requests -> publisher.publish((operations, channel) -> {
                    for (AgedCloseRequested request : requests) {
                        channel.basicPublish("", queue, false, false, properties(request), bytes(request));
                    }
                }));
    }

    @EventHandler
    void on(AgedCloseRequested request) {
        batches.current().add(request);
    }

    /** The close-request contract: decimals as strings, as the exchange's order API takes them. */
    static Map<String, Object> body(AgedCloseRequested request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", request.requestId());
        body.put("asset", request.asset());
        body.put("mode", request.mode().wireName());
        body.put("position_idx", request.positionIdx());
        body.put("side", request.side().wireName());
        body.put("quantity", request.quantity().toPlainString());
        body.put("order_type", "Market");
        body.put("reduce_only", true);
        body.put("time_in_force", "IOC");
        body.put("reason", request.reason().wireName());
        body.put("phase", request.phase().wireName());
        body.put("target_price", plain(request.targetPrice()));
        body.put("trigger_price", plain(request.triggerPrice()));
        body.put("lifecycle", request.lifecycle());
        body.put("attempt", request.attempt());
        body.put("trace_id", request.traceId());
        body.put("requested_at", request.requestedAt().toString());
        return body;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static AMQP.BasicProperties properties(AgedCloseRequested request) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding(StandardCharsets.UTF_8.name())
                .deliveryMode(2)
                .messageId(request.requestId())
                .correlationId(request.traceId())
                .type("close_request")
                .build();
    }

    private byte[] bytes(AgedCloseRequested request) {
        try {
            return json.writeValueAsBytes(body(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a close request could not be written as JSON", e);
        }
    }
}
