package com.ytrader.positionmanager.command.ingest;

import org.springframework.amqp.core.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Messages that can never be applied, each with the words its dead-letter reason must contain. */
final class PoisonMessages {

    record Poison(String queue, Message message, String reasonContains) {
        String messageId() {
            return message.getMessageProperties().getMessageId();
        }
    }

    private PoisonMessages() {
    }

    static List<Poison> forQueues(IngestApp.TestQueues queues, String asset) {
        String fills = queues.orderExecuted();
        String events = queues.orderEvents();
        String positions = queues.wsPosition();
        List<Poison> poison = new ArrayList<>();
        add(poison, fills, "not-json", "this is { not json", "not JSON");
        add(poison, fills, "array", "[1, 2, 3]", "must be a JSON object");
        add(poison, fills, "wrong-type", fill(asset, "filled_quantity", "true"), "filled_quantity must be");
        add(poison, fills, "missing-asset", """
                {"order_id":"x1","side":"Buy","filled_quantity":"1","execution_price":"10"}""", "asset is required");
        add(poison, fills, "negative-quantity", fill(asset, "filled_quantity", "\"-1\""), "quantity must be positive");
        add(poison, fills, "zero-quantity", fill(asset, "filled_quantity", "\"0\""), "quantity must be positive");
        add(poison, fills, "unknown-side", fill(asset, "side", "\"Hold\""), "unknown side");
        add(poison, fills, "unknown-mode", fill(asset, "mode", "\"portfolio\""), "unknown position mode");
        add(poison, fills, "absurd-price", fill(asset, "execution_price", "\"1e15\""), "price is beyond");
        add(poison, fills, "huge-exponent", fill(asset, "execution_price", "1e400"), "out of range");
        add(poison, fills, "hedge-without-leg", fill(asset, "mode", "\"hedge\""), "must name its leg");
        add(poison, fills, "bad-asset", fill("btc-usdt"), "does not match");
        add(poison, fills, "unknown-exec-type", fill(asset, "exec_type", "\"Teleport\""), "unknown exec_type");
        add(poison, fills, "oversized", fill(asset, "padding", "\"" + "x".repeat(70_000) + "\""), "exceeds the limit");
        add(poison, events, "event-not-json", "{\"order_id\":", "not JSON");
        add(poison, events, "event-negative", fill(asset, "status", "\"filled\"", "filled_quantity", "-3"),
                "quantity must be positive");
        add(poison, positions, "report-no-payload", "{\"event_type\":\"position\"}", "payload must be a JSON object");
        add(poison, positions, "report-no-time", """
                {"payload":{"symbol":"%s","size":"1","side":"Buy"}}""".formatted(asset), "updatedTime is required");
        add(poison, positions, "report-bad-side", """
                {"payload":{"symbol":"%s","size":"1","side":"Up","updatedTime":"1700000000000"}}""".formatted(asset),
                "side must be Buy or Sell");
        return poison;
    }

    /** A valid fill of {@code asset} but for the given members: name, raw JSON value, name, value, ... */
    private static String fill(String asset, String... overrides) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("order_id", "\"poison-order\"");
        members.put("asset", "\"" + asset + "\"");
        members.put("side", "\"Buy\"");
        members.put("filled_quantity", "\"1\"");
        members.put("execution_price", "\"100\"");
        members.put("mode", "\"one-way\"");
        members.put("exec_id", "\"poison-exec\"");
        for (int i = 0; i < overrides.length; i += 2) {
            members.put(overrides[i], overrides[i + 1]);
        }
        return members.entrySet().stream()
                .map(member -> "\"" + member.getKey() + "\":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static void add(List<Poison> poison, String queue, String id, String body, String reason) {
        poison.add(new Poison(queue, IngestApp.json("poison-" + id, body), reason));
    }
}
