package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.testsupport.ReferenceBook;
import org.springframework.amqp.core.Message;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random one-way fills over a set of fresh assets, as {@code order_executed} messages in publishing order, with
 * the reference positions they must produce. Half the fills carry an {@code exec_id}; the others are identified
 * by order id and quantity. Redeliveries repeat an earlier message, body and id, a little later in the stream.
 */
final class FillStream {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private final List<Message> messages = new ArrayList<>();
    private final Map<String, ReferenceBook> expected = new LinkedHashMap<>();
    private int redeliveries;

    static FillStream generate(int assets, int fills, double redeliveredFraction, long seed) {
        Random random = new Random(seed);
        // fresh assets and ids on every run: the event store keeps the positions of earlier runs
        String prefix = "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        FillStream stream = new FillStream();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < assets; i++) {
            String asset = prefix + "A" + i;
            names.add(asset);
            stream.expected.put(asset, new ReferenceBook());
        }
        List<Message> pendingRedeliveries = new ArrayList<>();
        for (int n = 0; n < fills; n++) {
            String asset = names.get(random.nextInt(assets));
            boolean buy = random.nextBoolean();
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(1000), 3);
            BigDecimal price = BigDecimal.valueOf(10_000 + random.nextInt(10_000), 2);
            BigDecimal fee = BigDecimal.valueOf(random.nextInt(100), 4);
            String orderId = prefix + "-o" + n;
            String execId = n % 2 == 0 ? ",\"exec_id\":\"" + prefix + "-e" + n + "\"" : "";
            String body = """
                    {"event_type":"position_updated_from_order","order_id":"%s","asset":"%s","side":"%s",\
                    "filled_quantity":"%s","execution_price":"%s","execution_fees":"%s","mode":"one-way",\
                    "trace_id":"trace-%s-%d","executed_at":"%s"%s}"""
                    .formatted(orderId, asset, buy ? "Buy" : "Sell", quantity.toPlainString(), price.toPlainString(),
                            fee.toPlainString(), prefix, n, T0.plusMillis(n), execId);
            Message message = IngestApp.json(prefix + "-m" + n, body);
            stream.expected.get(asset).fill(buy, quantity, price, fee);
            stream.messages.add(message);
            if (random.nextDouble() < redeliveredFraction) {
                pendingRedeliveries.add(message);
            }
            if (!pendingRedeliveries.isEmpty() && random.nextInt(10) == 0) {
                stream.messages.add(pendingRedeliveries.remove(0));
                stream.redeliveries++;
            }
        }
        stream.messages.addAll(pendingRedeliveries);
        stream.redeliveries += pendingRedeliveries.size();
        return stream;
    }

    List<Message> messages() {
        return messages;
    }

    int redeliveries() {
        return redeliveries;
    }

    Map<String, ReferenceBook> expected() {
        return expected;
    }

    static String positionId(String asset) {
        return PositionId.of(asset, PositionMode.ONE_WAY);
    }
}
