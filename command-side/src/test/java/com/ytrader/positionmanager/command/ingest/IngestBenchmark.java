package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.EventMetadata;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.amqp.core.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark, not a test (bench/ingest/README.md): sustained ingest of pre-loaded fills (fills/s committed), and
 * fill-to-commit latency percentiles at a fixed publishing rate. Arguments: {@code fills=20000 rate=1000
 * seconds=10}, and any {@code --position-manager.ingest.*} setting, passed on to the application.
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        List<String> appArguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                appArguments.add(arg);
            } else {
                options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int fills = Integer.parseInt(options.getOrDefault("fills", "20000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        String[] extra = appArguments.toArray(String[]::new);
        throughput(fills, extra);
        latency(rate, seconds, extra);
        System.exit(0);
    }

    private static void throughput(int fills, String[] extra) throws InterruptedException {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("bench");
        FillStream stream = FillStream.generate(100, fills, 0.0, 1L);
        try (IngestApp loader = IngestApp.start(queues, "--position-manager.ingest.enabled=false",
                "--position-manager.fanout.enabled=false")) {
            loader.declare(queues.orderExecuted());
            List<Message> messages = stream.messages();
            for (int from = 0; from < messages.size(); from += 1_000) {
                loader.publish(queues.orderExecuted(), messages.subList(from, Math.min(messages.size(), from + 1_000)));
            }
        }
        try (IngestApp app = IngestApp.start(queues, extra)) {
            String queue = queues.orderExecuted();
            while (app.ingested(queue) == 0) {
                Thread.sleep(1);
            }
            long start = System.nanoTime();
            double first = app.ingested(queue);
            while (app.ingested(queue) < fills) {
                Thread.sleep(5);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("THROUGHPUT fills=%d committed_per_second=%.0f (%.0f fills in %.2f s; pre-loaded queue)%n",
                    fills, (fills - first) / elapsed, fills - first, elapsed);
        }
    }

    private static void latency(int rate, int seconds, String[] extra) {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("benchlatency");
        int count = rate * seconds;
        FillStream stream = FillStream.generate(100, count, 0.0, 2L);
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        try (IngestApp app = IngestApp.start(queues, extra)) {
            app.context.getBean(EventBus.class).registerDispatchInterceptor(events -> {
                List<String> ids = events.stream()
                        .map(event -> String.valueOf(event.getMetaData().get(EventMetadata.MESSAGE_ID))).toList();
                CurrentUnitOfWork.get().root().afterCommit(unit -> {
                    long now = System.nanoTime();
                    ids.forEach(id -> committedAt.putIfAbsent(id, now));
                });
                return (index, event) -> event;
            });
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            List<Message> messages = stream.messages();
            for (int i = 0; i < messages.size(); i++) {
                long due = start + i * interval;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.max(1, due - System.nanoTime() - 50_000));
                }
                Message message = messages.get(i);
                sentAt.put(message.getMessageProperties().getMessageId(), System.nanoTime());
                app.rabbit.send("", queues.orderExecuted(), message);
            }
            while (committedAt.size() < count) {
                LockSupport.parkNanos(5_000_000);
            }
            long[] latencies = sentAt.entrySet().stream()
                    .mapToLong(entry -> committedAt.get(entry.getKey()) - entry.getValue()).sorted().toArray();
            double achieved = count / ((System.nanoTime() - start) / 1e9);
            System.out.printf("LATENCY rate=%d/s fills=%d achieved=%.0f/s fill-to-commit p50=%.1f ms p95=%.1f ms "
                            + "p99=%.1f ms max=%.1f ms%n", rate, count, achieved, percentile(latencies, 50),
                    percentile(latencies, 95), percentile(latencies, 99),
                    latencies[latencies.length - 1] / 1e6);
        }
    }

    private static double percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private IngestBenchmark() {
    }
}
