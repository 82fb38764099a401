package com.ytrader.positionmanager.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The WebSocket gateway's envelope on {@code ws-gateway.position}: {@code payload} is one Bybit v5 position, or
 * Bybit's whole stream message whose {@code data} array holds several; {@code timestamp}, {@code trace_id},
 * {@code event_id} and {@code mode} are optional.
 */
record GatewayPositionEnvelope(String eventId, String traceId, List<BybitPositionPayload> positions) {

    static GatewayPositionEnvelope read(JsonFields envelope) {
        Instant timestamp = envelope.optionalInstant("timestamp");
        String mode = envelope.optionalText("mode");
        JsonFields payload = JsonFields.of(envelope.node("payload"), "payload");
        List<BybitPositionPayload> positions = new ArrayList<>();
        JsonNode data = payload.node("data");
        if (data != null && data.isArray()) {
            if (data.isEmpty()) {
                throw new BadMessageException("payload.data holds no position");
            }
            for (JsonNode position : data) {
                positions.add(BybitPositionPayload.read(JsonFields.of(position, "payload.data[]"), mode, timestamp));
            }
        } else {
            positions.add(BybitPositionPayload.read(payload, mode, timestamp));
        }
        return new GatewayPositionEnvelope(envelope.optionalText("event_id"), envelope.optionalText("trace_id"),
                positions);
    }
}
