package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.EventMetadata;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.amqp.core.Message;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test (bench/ingest/README.md): sustained ingest of pre-loaded fills (fills/s committed), the raw
 * PostgreSQL limit of one-row commits with one client ({@code bench/ingest/pgbench.sh}) measured right before and
 * right after it in the same run, their ratio, and fill-to-commit latency percentiles at a fixed publishing rate.
 * Arguments: {@code fills=20000 rate=half seconds=10 warmup=3 pgbench=10 rounds=1}; {@code rate=half} (the default)
 * publishes at half the sustained rate just measured, a number at that many fills/s, after {@code warmup} seconds at
 * that rate that are not counted; {@code pgbench=0} skips PostgreSQL (the
 * ratio is then not printed), {@code latency=false} the latency phase; {@code rounds=n} alternates pgbench and the
 * sustained ingest n times, for the noise of a shared machine. Any {@code --position-manager.*} setting is passed on
 * to the application.
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
        String rateOption = options.getOrDefault("rate", "half");
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int pgbenchSeconds = Integer.parseInt(options.getOrDefault("pgbench", "10"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        boolean latency = Boolean.parseBoolean(options.getOrDefault("latency", "true"));
        String[] extra = appArguments.toArray(String[]::new);
        List<Double> sustained = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        if (pgbenchSeconds > 0) {
            raw.add(pgbench(pgbenchSeconds));
        }
        for (int round = 0; round < rounds; round++) {
            sustained.add(throughput(fills, extra));
            if (pgbenchSeconds > 0) {
                raw.add(pgbench(pgbenchSeconds));
            }
        }
        double ingest = mean(sustained);
        if (!raw.isEmpty()) {
            double limit = mean(raw);
            System.out.printf("RATIO ingest=%.0f fills/s (rounds %s) pgbench_1_client=%.0f tx/s (runs %s) "
                            + "ingest/pgbench=%.2f%n", ingest, rounded(sustained), limit, rounded(raw), ingest / limit);
        }
        if (latency) {
            int rate = rateOption.equals("half") ? (int) Math.round(ingest / 2) : Integer.parseInt(rateOption);
            latency(rate, seconds, Integer.parseInt(options.getOrDefault("warmup", "3")), extra);
        }
        System.exit(0);
    }

    /** Transactions and rows of the application's database (all its connections, the bench's own queries too). */
    private static Map<String, Object> databaseCounters(JdbcTemplate jdbc) {
        return jdbc.queryForMap("SELECT xact_commit AS commits, xact_rollback AS rollbacks, tup_inserted AS inserted, "
                + "tup_updated AS updated, tup_deleted AS deleted, tup_returned + tup_fetched AS read "
                + "FROM pg_stat_database WHERE datname = current_database()");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    /**
     * One-row commits with one client, as {@code bench/ingest/pgbench.sh} runs them (it honours
     * {@code POSTGRES_HOST}/{@code POSTGRES_PORT}); found from the repository root or a module's directory.
     */
    private static double pgbench(int seconds) throws IOException, InterruptedException {
        Path script = Path.of("bench/ingest/pgbench.sh");
        if (!Files.exists(script)) {
            script = Path.of("../bench/ingest/pgbench.sh");
        }
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("CLIENTS", "1");
        builder.environment().put("SECONDS_PER_RUN", String.valueOf(seconds));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output: " + output);
        }
        double value = Double.parseDouble(tps.group(1));
        System.out.printf("PGBENCH clients=1 seconds=%d tps=%.0f%n", seconds, value);
        return value;
    }

    private static double throughput(int fills, String[] extra) throws InterruptedException {
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
            JdbcTemplate jdbc = app.context.getBean(JdbcTemplate.class);
            Map<String, Object> databaseStart = databaseCounters(jdbc);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            double first = app.ingested(queue);
            while (app.ingested(queue) < fills) {
                Thread.sleep(20);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double perSecond = (fills - first) / elapsed;
            // CPU of the whole JVM (consumer, fan-out, processors, GC) per fill: on a shared 2-core box this moves
            // far less with the neighbours' load than the rate does
            double cpuPerFill = (processCpuNanos() - cpuStart) / 1e3 / (fills - first);
            // PostgreSQL's statistics reach pg_stat_database within a second of a transaction's end
            Thread.sleep(1_500);
            Map<String, Object> databaseEnd = databaseCounters(jdbc);
            System.out.printf("THROUGHPUT fills=%d committed_per_second=%.0f (%.0f fills in %.2f s; pre-loaded queue) "
                    + "jvm_cpu_per_fill=%.0f us%n", fills, perSecond, fills - first, elapsed, cpuPerFill);
            StringBuilder perFill = new StringBuilder("DATABASE per 1,000 fills:");
            databaseStart.forEach((name, before) -> perFill.append(String.format(" %s=%.0f", name,
                    (((Number) databaseEnd.get(name)).doubleValue() - ((Number) before).doubleValue()) * 1_000
                            / (fills - first))));
            System.out.println(perFill);
            return perSecond;
        }
    }

    /**
     * Fills published at {@code rate} for {@code warmup} seconds, not counted (a freshly started JVM compiles the
     * code path during its first seconds, which a running service has long done), then for {@code seconds} counted.
     */
    private static void latency(int rate, int seconds, int warmup, String[] extra) {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("benchlatency");
        int count = rate * seconds;
        int uncounted = rate * warmup;
        FillStream stream = FillStream.generate(100, uncounted + count, 0.0, 2L);
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
            long began = System.nanoTime();
            long start = began;
            long interval = 1_000_000_000L / rate;
            List<Message> messages = stream.messages();
            for (int i = 0; i < messages.size(); i++) {
                long due = began + i * interval;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.max(1, due - System.nanoTime() - 50_000));
                }
                Message message = messages.get(i);
                if (i == uncounted) {
                    start = System.nanoTime();
                }
                if (i >= uncounted) {
                    sentAt.put(message.getMessageProperties().getMessageId(), System.nanoTime());
                }
                app.rabbit.send("", queues.orderExecuted(), message);
            }
            while (committedAt.size() < uncounted + count) {
                LockSupport.parkNanos(5_000_000);
            }
            long[] latencies = sentAt.entrySet().stream()
                    .mapToLong(entry -> committedAt.get(entry.getKey()) - entry.getValue()).sorted().toArray();
            double achieved = count / ((System.nanoTime() - start) / 1e9);
            System.out.printf("LATENCY rate=%d/s fills=%d (after %d s of warm-up) achieved=%.0f/s fill-to-commit "
                            + "p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", rate, count, warmup, achieved,
                    percentile(latencies, 50),
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
