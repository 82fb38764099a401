package com.ytrader.positionmanager.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.amqp.core.Message;

/**
 * Reads only what the partition router needs from an inbound message: the asset whose order it belongs to. The
 * message is held to the same labels, size and JSON rules as by its consumer ({@link InboundJson}), so a message
 * the router cannot place is dead-lettered with the reason its consumer would have given.
 */
@FunctionalInterface
interface RoutingAsset {

    /** @throws BadMessageException when the message names no asset */
    String of(Message message);

    /** {@code order_executed} and {@code order_events}: the {@code asset} field. */
    static RoutingAsset orderAsset(int maxBodyBytes, String context) {
        return message -> InboundJson.read(message, maxBodyBytes, context).requiredText("asset");
    }

    /**
     * {@code ws-gateway.position}: the {@code symbol} of the payload, or of the first position in its {@code data}.
     * A report never needs to be applied in order (reports are ordered by their sequence, not their arrival), so
     * a message reporting several symbols can go with the first: partitioning reports only keeps them away from
     * the instance writing the same positions' fills, where they would cost retries.
     */
    static RoutingAsset reportedSymbol(int maxBodyBytes) {
        return message -> {
            JsonFields payload = JsonFields.of(InboundJson.read(message, maxBodyBytes, "envelope").node("payload"),
                    "payload");
            JsonNode data = payload.node("data");
            if (data != null && data.isArray()) {
                if (data.isEmpty()) {
                    throw new BadMessageException("payload.data holds no position");
                }
                return JsonFields.of(data.get(0), "payload.data[]").requiredText("symbol");
            }
            return payload.requiredText("symbol");
        };
    }
}
