package com.ytrader.positionmanager.command.ingest;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A seeded, generated corpus of messages that can never be applied, over the three inbound queues: malformed JSON,
 * wrong types, missing fields, values beyond what any read model stores, huge values and headers, labels the
 * service does not decode, per-message TTLs. Each comes with the words its dead-letter reason must contain.
 */
final class BadInputCorpus {

    record Poison(String queue, Message message, String reasonContains) {
        String messageId() {
            return message.getMessageProperties().getMessageId();
        }
    }

    /** One kind of poison: which queue, and how to make one from the random source. */
    private record Kind(String name, Function<IngestApp.TestQueues, String> queue, Function<Random, Message> make,
                        String reasonContains, int weight) {
    }

    private final List<Kind> kinds = new ArrayList<>();
    private final String asset;
    private int next;

    private BadInputCorpus(String asset) {
        this.asset = asset;
        fillKinds();
        orderEventKinds();
        positionReportKinds();
    }

    /**
     * {@code count} poison messages, the kinds chosen at random by weight; every kind at least once.
     *
     * @param asset a valid asset for the messages whose only fault is elsewhere
     */
    static List<Poison> generate(IngestApp.TestQueues queues, String asset, int count, long seed) {
        BadInputCorpus corpus = new BadInputCorpus(asset);
        Random random = new Random(seed);
        List<Poison> poison = new ArrayList<>();
        for (Kind kind : corpus.kinds) {
            poison.add(corpus.make(kind, queues, random));
        }
        int totalWeight = corpus.kinds.stream().mapToInt(Kind::weight).sum();
        while (poison.size() < count) {
            int pick = random.nextInt(totalWeight);
            for (Kind kind : corpus.kinds) {
                pick -= kind.weight();
                if (pick < 0) {
                    poison.add(corpus.make(kind, queues, random));
                    break;
                }
            }
        }
        return poison;
    }

    private Poison make(Kind kind, IngestApp.TestQueues queues, Random random) {
        Message message = kind.make().apply(random);
        message.getMessageProperties().setMessageId("corpus-" + kind.name() + "-" + next++);
        message.getMessageProperties().setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Poison(kind.queue().apply(queues), message, kind.reasonContains());
    }

    private void fillKinds() {
        fill("garbage", random -> json(randomText(random, 1 + random.nextInt(200)) + "{"), "not JSON", 10);
        fill("truncated", random -> json(fillBody().substring(0, 10 + random.nextInt(40))), "not JSON", 10);
        fill("trailing-garbage", random -> json(fillBody() + " {}"), "not JSON", 4);
        fill("duplicate-key", random -> json(fillBody().replace("{", "{\"asset\":\"" + asset + "\",")), "not JSON", 4);
        fill("invalid-utf8", random -> {
            byte[] body = fillBody().getBytes(StandardCharsets.UTF_8);
            body[body.length / 2] = (byte) 0xC3;
            body[body.length / 2 + 1] = (byte) 0x28;
            return bytes(body);
        }, "not JSON", 4);
        fill("deep-nesting", random -> json("[".repeat(2_000 + random.nextInt(2_000))), "not JSON", 2);
        fill("array", random -> json("[" + fillBody() + "]"), "must be a JSON object", 4);
        fill("scalar", random -> json(Integer.toString(random.nextInt())), "must be a JSON object", 3);
        fill("empty", random -> bytes(new byte[0]), "empty body", 3);
        fill("wrong-type-quantity", random -> json(fillBody("filled_quantity",
                random.nextBoolean() ? "true" : "{\"value\":1}")), "filled_quantity must be", 6);
        fill("wrong-type-asset", random -> json(fillBody("asset", Integer.toString(random.nextInt(1000)))),
                "asset must be a string", 4);
        fill("missing-asset", random -> json(fillBodyWithout("asset")), "asset is required", 5);
        fill("missing-side", random -> json(fillBodyWithout("side")), "side is required", 5);
        fill("missing-price", random -> json(fillBodyWithout("execution_price")), "execution_price is required", 5);
        fill("negative-quantity", random -> json(fillBody("filled_quantity", "\"-" + (1 + random.nextInt(99)) + "\"")),
                "quantity must be positive", 6);
        fill("zero-price", random -> json(fillBody("execution_price", "\"0\"")), "price must be positive", 4);
        fill("huge-exponent", random -> json(fillBody("execution_price", "1e" + (400 + random.nextInt(999_999_000)))),
                "out of range", 5);
        fill("too-many-fraction-digits", random -> json(fillBody("filled_quantity", "\"0." + "1".repeat(19) + "\"")),
                "out of range", 3);
        fill("absurd-price", random -> json(fillBody("execution_price", "\"1e15\"")), "price is beyond", 4);
        fill("notional", random -> json(fillBody("filled_quantity", "\"1e9\"", "execution_price", "\"1e12\"")),
                "quantity × price is beyond", 5);
        fill("long-exec-id", random -> json(fillBody("exec_id", quoted("e".repeat(256 + random.nextInt(5_000))))),
                "exec_id is", 5);
        fill("long-order-id", random -> json(fillBody("order_id", quoted("o".repeat(256 + random.nextInt(500))))),
                "order_id is", 3);
        fill("long-trace-id", random -> json(fillBody("trace_id", quoted("t".repeat(256 + random.nextInt(500))))),
                "trace_id is", 3);
        fill("nul-in-id", random -> json(fillBody("exec_id", "\"x\\u0000y\"")), "contains a NUL character", 3);
        fill("huge-asset", random -> json(fillBody("asset", quoted("A".repeat(30_000 + random.nextInt(30_000))))),
                "asset is", 1);
        fill("bad-asset", random -> json(fillBody("asset", "\"btc-usdt\"")), "does not match", 3);
        fill("far-future-millis", random -> json(fillBody("executed_at", "9999999999999999")),
                "executed_at is outside", 4);
        fill("before-1970", random -> json(fillBody("executed_at", "\"1969-12-31T23:59:59Z\"")),
                "executed_at is outside", 3);
        fill("year-294277", random -> json(fillBody("executed_at", "\"+294277-01-01T00:00:00Z\"")),
                "executed_at is outside", 3);
        fill("bad-timestamp", random -> json(fillBody("executed_at", "\"yesterday\"")), "executed_at must be", 3);
        fill("unknown-side", random -> json(fillBody("side", "\"Hold\"")), "unknown side", 3);
        fill("unknown-mode", random -> json(fillBody("mode", "\"portfolio\"")), "unknown position mode", 3);
        fill("unknown-exec-type", random -> json(fillBody("exec_type", "\"Teleport\"")), "unknown exec_type", 3);
        fill("hedge-without-leg", random -> json(fillBody("mode", "\"hedge\"")), "must name its leg", 3);
        fill("funding-without-id",
                random -> json(fillBodyWithout("exec_id").replace("}", ",\"exec_type\":\"Funding\"}")),
                "is required for a Funding execution", 2);
        fill("oversized", random -> json(fillBody("padding", quoted("p".repeat(66_000)))), "exceeds the limit", 1);
        fill("gzip-labelled", random -> labelled(json(fillBody()), "application/json", "gzip"),
                "content_encoding 'gzip'", 4);
        fill("text-plain", random -> labelled(json(fillBody()), "text/plain", null), "content_type 'text/plain'", 4);
        fill("latin-1", random -> labelled(json(fillBody()), "application/json; charset=ISO-8859-1", null),
                "charset other than UTF-8", 2);
        fill("not-a-media-type", random -> labelled(json(fillBody()), "json!!", null), "is not a media type", 2);
        fill("huge-header", random -> {
            Message message = json(fillBody("filled_quantity", "\"0\""));
            message.getMessageProperties().setHeader("x-trace-context", "h".repeat(80_000));
            return message;
        }, "quantity must be positive", 1);
        fill("expiring", random -> {
            Message message = json("not json " + random.nextInt());
            message.getMessageProperties().setExpiration("3000");
            return message;
        }, "not JSON", 3);
    }

    private void orderEventKinds() {
        add("event-not-json", IngestApp.TestQueues::orderEvents, random -> json("{\"order_id\":"), "not JSON", 5);
        add("event-negative", IngestApp.TestQueues::orderEvents,
                random -> json(fillBody("status", "\"filled\"", "filled_quantity", "-3")),
                "quantity must be positive", 5);
        add("event-long-status", IngestApp.TestQueues::orderEvents,
                random -> json(fillBody("status", quoted("s".repeat(300)))), "status is 300 characters", 3);
        add("event-wrong-type-status", IngestApp.TestQueues::orderEvents,
                random -> json(fillBody("status", "42")), "status must be a string", 3);
        add("event-gzip", IngestApp.TestQueues::orderEvents,
                random -> labelled(json(fillBody("status", "\"filled\"")), null, "gzip"), "content_encoding", 2);
    }

    private void positionReportKinds() {
        add("report-no-payload", IngestApp.TestQueues::wsPosition, random -> json("{\"event_type\":\"position\"}"),
                "payload must be a JSON object", 5);
        add("report-no-time", IngestApp.TestQueues::wsPosition,
                random -> json(report("\"size\":\"1\",\"side\":\"Buy\"")), "updatedTime is required", 4);
        add("report-bad-side", IngestApp.TestQueues::wsPosition,
                random -> json(report("\"size\":\"1\",\"side\":\"Up\",\"updatedTime\":\"1700000000000\"")),
                "side must be Buy or Sell", 4);
        add("report-negative-size", IngestApp.TestQueues::wsPosition,
                random -> json(report("\"size\":\"-1\",\"side\":\"Buy\",\"updatedTime\":\"1700000000000\"")),
                "must not be negative", 3);
        add("report-far-future", IngestApp.TestQueues::wsPosition,
                random -> json(report("\"size\":\"1\",\"side\":\"Buy\",\"updatedTime\":\"99999999999999999\"")),
                "updatedTime is outside", 3);
        add("report-huge-size", IngestApp.TestQueues::wsPosition,
                random -> json(report("\"size\":\"1e30\",\"side\":\"Buy\",\"updatedTime\":\"1700000000000\"")),
                "out of range", 3);
        add("report-notional", IngestApp.TestQueues::wsPosition, random -> json(report(
                        "\"size\":\"1e9\",\"side\":\"Buy\",\"markPrice\":\"1e12\",\"updatedTime\":\"1700000000000\"")),
                "size × mark price is beyond", 3);
        add("report-long-symbol", IngestApp.TestQueues::wsPosition, random -> json(
                        "{\"payload\":{\"symbol\":\"" + "S".repeat(300) + "\",\"size\":\"1\",\"side\":\"Buy\","
                                + "\"updatedTime\":\"1700000000000\"}}"),
                "symbol is 300 characters", 3);
        add("report-unknown-status", IngestApp.TestQueues::wsPosition, random -> json(report(
                        "\"size\":\"1\",\"side\":\"Buy\",\"positionStatus\":\"Frozen\",\"updatedTime\":\"1700000000000\"")),
                "positionStatus must be Normal, Liq or Adl", 2);
        add("report-unknown-trade-mode", IngestApp.TestQueues::wsPosition, random -> json(report(
                        "\"size\":\"1\",\"side\":\"Buy\",\"tradeMode\":2,\"updatedTime\":\"1700000000000\"")),
                "tradeMode must be 0 (cross margin) or 1 (isolated)", 2);
        add("report-negative-liq-price", IngestApp.TestQueues::wsPosition, random -> json(report(
                        "\"size\":\"1\",\"side\":\"Buy\",\"liqPrice\":\"-5\",\"updatedTime\":\"1700000000000\"")),
                "liqPrice must not be negative", 2);
        add("report-empty-data", IngestApp.TestQueues::wsPosition, random -> json("{\"payload\":{\"data\":[]}}"),
                "holds no position", 2);
        add("report-text-plain", IngestApp.TestQueues::wsPosition,
                random -> labelled(json(report("\"size\":\"1\",\"side\":\"Buy\",\"updatedTime\":\"1700000000000\"")),
                        "text/plain", null), "content_type", 2);
    }

    private void fill(String name, Function<Random, Message> make, String reason, int weight) {
        add(name, IngestApp.TestQueues::orderExecuted, make, reason, weight);
    }

    private void add(String name, Function<IngestApp.TestQueues, String> queue, Function<Random, Message> make,
                     String reason, int weight) {
        kinds.add(new Kind(name, queue, make, reason, weight));
    }

    private String report(String members) {
        return "{\"payload\":{\"symbol\":\"" + asset + "\"," + members + "}}";
    }

    /** A valid one-way fill of the corpus asset but for the given members: name, raw JSON value, ... */
    private String fillBody(String... overrides) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("order_id", "\"corpus-order\"");
        members.put("asset", quoted(asset));
        members.put("side", "\"Buy\"");
        members.put("filled_quantity", "\"1\"");
        members.put("execution_price", "\"100\"");
        members.put("mode", "\"one-way\"");
        members.put("exec_id", "\"corpus-exec\"");
        for (int i = 0; i < overrides.length; i += 2) {
            members.put(overrides[i], overrides[i + 1]);
        }
        return members.entrySet().stream().map(member -> "\"" + member.getKey() + "\":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private String fillBodyWithout(String name) {
        return fillBody().replaceAll("\"" + name + "\":(\"[^\"]*\"|[^,}]*),?", "").replace(",}", "}");
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }

    private static Message json(String body) {
        return bytes(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Message bytes(byte[] body) {
        return MessageBuilder.withBody(body).setContentType("application/json").build();
    }

    private static Message labelled(Message message, String contentType, String contentEncoding) {
        message.getMessageProperties().setContentType(contentType);
        message.getMessageProperties().setContentEncoding(contentEncoding);
        return message;
    }
}
