package com.ytrader.positionmanager.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Issue 15's fault suite in a reduced, bounded form (not a test; {@code bench/faults/run.sh}): FILLS executions over
 * ASSETS one-way positions (flips, fees, funding, 10 % redelivered, 1 % poison) published to
 * {@code order-manager.order_executed} at RATE per second, with exchange reports on {@code ws-gateway.position}
 * racing them (one per REPORT_EVERY executions of an asset, some ahead of executions they cover), into INSTANCES
 * command-side instances with PARTITIONS partitions and QUERY_INSTANCES query-side instances, while command-side
 * instances are SIGKILLed and started again KILLS times, the first query-side instance QUERY_KILLS times, PostgreSQL
 * is restarted once (POSTGRES_RESTART, a shell command) and RabbitMQ once (RABBITMQ_RESTART). Afterwards every
 * position, in the event store and in the {@code positions} read model, must equal the suite's own arithmetic, every
 * execution be exactly once in the event store, {@code position_orders} (fills) and the audit trail
 * ({@code position_timeline}), no position be corrected, and the dead-letter queues hold exactly the poison; then a
 * full replay of the read models must reproduce them byte for byte. Prints the throughput under faults and the recovery time of each kill;
 * exits 1 when anything differs. Loopback only: PostgreSQL and RabbitMQ from {@code POSTGRES_*} / {@code RABBITMQ_*}.
 */
public final class FaultSuite {

    private static final String FILL = "com.ytrader.positionmanager.events.FillApplied";
    private static final String FUNDING = "com.ytrader.positionmanager.events.FundingApplied";
    private static final String REPORT = "com.ytrader.positionmanager.events.ExchangeReportApplied";
    private static final String STALE_REPORT = "com.ytrader.positionmanager.events.StaleExchangeReportIgnored";
    private static final String DISCREPANCY = "com.ytrader.positionmanager.events.PositionSizeDiscrepancyDetected";
    /** What a report must never cause when it only raced the executions it covers. */
    private static final String CORRECTION = "com.ytrader.positionmanager.events.PositionCorrected";
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-8");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final int fills = intSetting("FILLS", 20_000);
    private final int assets = intSetting("ASSETS", 20);
    private final int instances = intSetting("INSTANCES", 3);
    private final int partitions = intSetting("PARTITIONS", 8);
    private final int kills = intSetting("KILLS", 2);
    private final int queryInstances = intSetting("QUERY_INSTANCES", 2);
    /** Query-side instance 0 is SIGKILLed and started again this often, each time after a command-side kill. */
    private final int queryKills = intSetting("QUERY_KILLS", 2);
    private final int rate = intSetting("RATE", 2_000);
    /** An exchange report after every this many executions of an asset, on average; 0: none. */
    private final int reportEvery = intSetting("REPORT_EVERY", 10);
    private final String database = setting("POSTGRES_DB", "pm_bench_faults");
    private final String postgresHost = setting("POSTGRES_HOST", "127.0.0.1");
    private final String postgresPort = setting("POSTGRES_PORT", "5432");
    private final String rabbitHost = setting("RABBITMQ_HOST", "127.0.0.1");
    private final String rabbitPort = setting("RABBITMQ_PORT", "5672");
    private final Path logs = Path.of(setting("LOG_DIR", "bench/faults"));
    /** The admin key the query-side instances accept, for the replay. */
    private final String adminKey = "fault-suite-admin-" + UUID.randomUUID();
    /** The HTTP port of each query-side instance, kept across its restarts. */
    private final Map<Integer, Integer> queryPorts = new java.util.HashMap<>();
    /** Shell commands that restart the PostgreSQL and the RabbitMQ the suite is pointed at; empty: not restarted. */
    private final String postgresRestart = setting("POSTGRES_RESTART", "");
    private final String rabbitRestart = setting("RABBITMQ_RESTART", "");

    /** What happens to the running set-up between two chunks of messages. */
    private enum Fault { KILL, QUERY_KILL, POSTGRES_RESTART, RABBITMQ_RESTART }

    /** The two kinds of instance: their executable jar (run.sh), their main class, what their log says when up. */
    private enum Side {
        COMMAND("COMMAND_SIDE_JAR", "com.ytrader.positionmanager.command.CommandSideApplication", "instance-"),
        QUERY("QUERY_SIDE_JAR", "com.ytrader.positionmanager.query.QuerySideApplication", "query-instance-");

        final String jarSetting;
        final String mainClass;
        final String logPrefix;

        Side(String jarSetting, String mainClass, String logPrefix) {
            this.jarSetting = jarSetting;
            this.mainClass = mainClass;
            this.logPrefix = logPrefix;
        }

        String startedLine() {
            return "Started " + mainClass.substring(mainClass.lastIndexOf('.') + 1);
        }
    }

    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    private final String queuePrefix = "faults." + run.toLowerCase() + ".";
    private final String orderExecuted = queuePrefix + "order-manager.order_executed";
    private final String wsPosition = queuePrefix + "ws-gateway.position";
    private final Map<String, Book> expected = new LinkedHashMap<>();
    private final List<Outgoing> messages = new ArrayList<>();
    private final java.util.Set<String> poisonIds = new java.util.HashSet<>();
    private int poison;
    private int redeliveries;
    private int reports;

    /** One message of the stream: its message id, the queue it is published to, its body. */
    private record Outgoing(String id, String queue, byte[] body) {
    }

    public static void main(String[] args) throws Exception {
        System.exit(new FaultSuite().run() ? 0 : 1);
    }

    /** The suite's own arithmetic of a one-way position: cost of the open quantity, fees and funding realized. */
    static final class Book {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        int executions;
        int trades;
        /** The exchange's cross sequence of the asset's last execution. */
        long seq;
        BigDecimal lastPrice;
        /** Where in the stream the asset's last report is: the next one goes after it (increasing seq). */
        int lastReportAt = -1;

        void fill(boolean buy, BigDecimal size, BigDecimal price, BigDecimal fee) {
            executions++;
            trades++;
            seq++;
            lastPrice = price;
            fees = fees.add(fee);
            realized = realized.subtract(fee);
            BigDecimal signed = buy ? size : size.negate();
            if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
                quantity = quantity.add(signed);
                cost = cost.add(size.multiply(price));
                return;
            }
            BigDecimal held = quantity.abs();
            BigDecimal average = cost.divide(held, MathContext.DECIMAL128);
            BigDecimal closed = size.min(held);
            realized = realized.add((quantity.signum() > 0 ? price.subtract(average) : average.subtract(price))
                    .multiply(closed));
            if (size.compareTo(held) < 0) {
                quantity = quantity.add(signed);
                cost = cost.subtract(average.multiply(closed));
            } else {
                BigDecimal rest = size.subtract(held);
                quantity = buy ? rest : rest.negate();
                cost = rest.multiply(price);
            }
        }

        void funding(BigDecimal paid) {
            executions++;
            seq++;
            realized = realized.subtract(paid);
        }
    }

    private boolean run() throws Exception {
        generate();
        System.out.printf("run %s: %d messages (%d executions, %d redeliveries, %d poison, %d exchange reports) over"
                        + " %d assets; %d command-side instances, %d partitions, %d kills; %d query-side instances,"
                        + " %d kills; %d messages/s%n", run, messages.size(), fills, redeliveries, poison, reports,
                assets, instances, partitions, kills, queryInstances,
                faults().stream().filter(fault -> fault == Fault.QUERY_KILL).count(), rate);
        createDatabase();
        List<Process> running = new ArrayList<>();
        List<Process> queryRunning = new ArrayList<>();
        // a suite stopped from outside (CI's timeout) leaves no instance behind either
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.forEach(Process::destroyForcibly);
            queryRunning.forEach(Process::destroyForcibly);
        }));
        try (Publisher publisher = new Publisher()) {
            // all at once, as compose starts them: their schema updates take turns (SchemaUpdateLock)
            for (int i = 0; i < instances; i++) {
                running.add(start(Side.COMMAND, i));
            }
            for (int i = 0; i < queryInstances; i++) {
                queryRunning.add(start(Side.QUERY, i));
            }
            for (int i = 0; i < instances; i++) {
                awaitStarted(Side.COMMAND, i);
            }
            for (int i = 0; i < queryInstances; i++) {
                awaitStarted(Side.QUERY, i);
            }
            long started = System.nanoTime();
            List<Fault> faults = faults();
            List<Integer> faultAt = new ArrayList<>();
            for (int f = 1; f <= faults.size(); f++) {
                faultAt.add(messages.size() * f / (faults.size() + 1));
            }
            List<String> recoveries = new ArrayList<>();
            int victim = 0;
            int restarted = -1;
            boolean queryRestarted = false;
            Recovery pending = null;
            for (int sent = 0; sent < messages.size(); ) {
                int chunk = Math.min(rate / 10, messages.size() - sent);
                publisher.publish(sent, chunk);
                sent += chunk;
                Thread.sleep(100);
                if (pending != null) {
                    // measured once the chunk after the fault is published: a set-up that had caught up before the
                    // fault has nothing to commit until then
                    recoveries.add(measure(pending));
                    pending = null;
                }
                if (!faultAt.isEmpty() && sent >= faultAt.get(0)) {
                    if (restarted >= 0) {
                        // the next fault waits for the instance restarted after the last kill: one that is starting
                        // when PostgreSQL restarts fails its start-up and exits (compose would start it again)
                        awaitStarted(Side.COMMAND, restarted);
                        restarted = -1;
                    }
                    if (queryRestarted) {
                        awaitStarted(Side.QUERY, 0);
                        queryRestarted = false;
                    }
                    faultAt.remove(0);
                    Fault fault = faults.remove(0);
                    Counter progress = fault == Fault.QUERY_KILL ? this::linked : this::recorded;
                    long before = progress.count();
                    String what;
                    double restartSeconds = 0;
                    switch (fault) {
                        case KILL -> {
                            // instances in turn, whatever they hold at that moment (started together, any of them may
                            // hold the router and partitions)
                            running.get(victim).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                            System.out.printf("SIGKILL instance %d after %d messages%n", victim, sent);
                            what = "SIGKILL of instance " + victim;
                        }
                        case QUERY_KILL -> {
                            // the one holding segments or not: the survivor must take over, the restarted one rejoin
                            queryRunning.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                            System.out.printf("SIGKILL query-side instance 0 after %d messages%n", sent);
                            what = "SIGKILL of query-side instance 0";
                        }
                        case POSTGRES_RESTART -> {
                            restartSeconds = restart("PostgreSQL", postgresRestart, sent);
                            what = "PostgreSQL restart";
                        }
                        default -> {
                            restartSeconds = restart("RabbitMQ", rabbitRestart, sent);
                            what = "RabbitMQ restart";
                        }
                    }
                    // from the kill, or from the moment the restarted server was back
                    pending = new Recovery(switch (fault) {
                        case KILL -> what + ": executions committed again %.2f s after it";
                        case QUERY_KILL -> what + ": fills projected into position_orders again %.2f s after it";
                        default -> what + " (%.1f s): executions committed again %%.2f s after it was back"
                                .formatted(restartSeconds);
                    }, progress, before, System.nanoTime());
                    if (fault == Fault.KILL) {
                        running.set(victim, start(Side.COMMAND, victim));
                        restarted = victim;
                        victim++;
                    }
                    if (fault == Fault.QUERY_KILL) {
                        queryRunning.set(0, start(Side.QUERY, 0));
                        queryRestarted = true;
                    }
                }
            }
            if (pending != null) {
                recoveries.add(measure(pending));
            }
            long published = System.nanoTime();
            long expectedExecutions = expected.values().stream().mapToLong(book -> book.executions).sum();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            long expectedTrades = expected.values().stream().mapToLong(book -> book.trades).sum();
            while ((recorded() < expectedExecutions || linked() < expectedTrades
                    || inTimeline() < expectedExecutions) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("published in %.1f s; all applied after %.1f s: %.0f executions/s under faults%n",
                    (published - started) / 1e9, seconds, fills / seconds);
            recoveries.forEach(System.out::println);
            Thread.sleep(2_000); // the dead letters of the last batches
            boolean ok = verify(publisher.channel(), expectedExecutions, expectedTrades);
            ok &= replayReproducesReadModels(queryRunning);
            System.out.println(ok ? "PASS" : "FAIL");
            return ok;
        } finally {
            for (Process process : running) {
                process.destroyForcibly();
            }
            for (Process process : queryRunning) {
                process.destroyForcibly();
            }
        }
    }

    /** A count that grows as the set-up makes progress (executions committed, fills projected). */
    @FunctionalInterface
    private interface Counter {
        long count() throws Exception;
    }

    /** A fault whose recovery is still to be measured: {@code progress} beyond {@code before}. */
    private record Recovery(String format, Counter progress, long before, long sinceNanos) {
    }

    private String measure(Recovery recovery) throws Exception {
        return recovery.format().formatted(
                awaitProgressBeyond(recovery.progress(), recovery.before(), recovery.sinceNanos()));
    }

    /**
     * The kills, each followed by a query-side kill while there are some to do, with a PostgreSQL restart after the
     * first and a RabbitMQ restart after the second when set.
     */
    private List<Fault> faults() {
        List<Fault> faults = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            faults.add(Fault.KILL);
            if (k < queryKills && queryInstances > 1) {
                faults.add(Fault.QUERY_KILL);
            }
            if (k == 0 && !postgresRestart.isEmpty()) {
                faults.add(Fault.POSTGRES_RESTART);
            }
            if (k == Math.min(1, kills - 1) && !rabbitRestart.isEmpty()) {
                faults.add(Fault.RABBITMQ_RESTART);
            }
        }
        return faults;
    }

    /** Seconds the restart command took. */
    private static double restart(String what, String command, int sent) throws Exception {
        long began = System.nanoTime();
        int exit = new ProcessBuilder("bash", "-c", command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("restarting " + what + " failed (exit " + exit + "): " + command);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("%s restarted after %d messages (%.1f s)%n", what, sent, seconds);
        return seconds;
    }

    /**
     * Publishes chunks of the stream with confirms; when the broker goes away (a restart) it connects again and
     * publishes the unconfirmed chunk again, which the ingest sees as redeliveries.
     */
    private final class Publisher implements AutoCloseable {
        private Connection connection;
        private Channel channel;

        void publish(int from, int count) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (true) {
                try {
                    Channel open = channel();
                    for (int i = from; i < from + count; i++) {
                        Outgoing message = messages.get(i);
                        open.basicPublish("", message.queue(), new AMQP.BasicProperties.Builder()
                                .contentType("application/json").deliveryMode(2).messageId(message.id()).build(),
                                message.body());
                    }
                    open.waitForConfirmsOrDie(30_000);
                    return;
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                    close();
                    Thread.sleep(500);
                }
            }
        }

        Channel channel() throws Exception {
            if (channel == null || !channel.isOpen()) {
                close();
                connection = rabbit();
                channel = connection.createChannel();
                channel.queueDeclare(orderExecuted, true, false, false, null);
                channel.queueDeclare(wsPosition, true, false, false, null);
                channel.confirmSelect();
            }
            return channel;
        }

        @Override
        public void close() {
            try {
                if (connection != null && connection.isOpen()) {
                    connection.close();
                }
            } catch (Exception ignored) {
                // a connection the broker already closed
            }
            connection = null;
            channel = null;
        }
    }

    private boolean verify(Channel channel, long expectedExecutions, long expectedTrades) throws Exception {
        boolean ok = true;
        long recorded = recorded();
        long distinct = distinctRecorded();
        System.out.printf("executions expected %d, in the event store %d, distinct %d: lost %d, duplicated %d%n",
                expectedExecutions, recorded, distinct, expectedExecutions - distinct, recorded - distinct);
        ok &= recorded == expectedExecutions && distinct == expectedExecutions;
        long linked = linked();
        long distinctLinked = readModelCount("count(DISTINCT fill_id)", "position_orders", "fill_id LIKE ?", run + "-e%");
        System.out.printf("fills expected %d, in position_orders %d, distinct %d: lost %d, duplicated %d%n",
                expectedTrades, linked, distinctLinked, expectedTrades - distinctLinked, linked - distinctLinked);
        ok &= linked == expectedTrades && distinctLinked == expectedTrades;
        long inTimeline = inTimeline();
        long distinctInTimeline = readModelCount("count(DISTINCT event_identifier)", "position_timeline",
                "asset LIKE ? AND event_type IN ('FillApplied', 'FundingApplied')", run + "F%");
        System.out.printf("executions in the audit trail (position_timeline) %d, distinct %d: lost %d, duplicated %d%n",
                inTimeline, distinctInTimeline, expectedExecutions - distinctInTimeline,
                inTimeline - distinctInTimeline);
        ok &= inTimeline == expectedExecutions && distinctInTimeline == expectedExecutions;
        long applied = events(List.of(REPORT));
        long stale = events(List.of(STALE_REPORT));
        long discrepancies = events(List.of(DISCREPANCY));
        long corrections = events(List.of(CORRECTION));
        // every report here agrees with the reference at its seq: a discrepancy is a report that raced its
        // executions for longer than the grace period, or a grace period that outlived the difference it was for
        // (docs/several-instances.md); reported, not failed on, as long as no position is corrected to it
        System.out.printf("exchange reports published %d: applied %d, ignored as stale %d; size discrepancies"
                + " detected %d (each a race, the reports being exact), positions corrected %d%n", reports, applied,
                stale, discrepancies, corrections);
        ok &= corrections == 0;
        int readModelDiffers = 0;
        for (Map.Entry<String, Book> entry : expected.entrySet()) {
            JsonNode figures = lastFigures(entry.getKey());
            Book book = entry.getValue();
            BigDecimal size = figures == null ? null : figures.path("legs").path(0).path("size").decimalValue();
            BigDecimal realized = figures == null ? null
                    : figures.path("legs").path(0).path("realizedPnl").decimalValue();
            BigDecimal fees = figures == null ? null : figures.path("totalFees").decimalValue();
            boolean same = figures != null && size.compareTo(book.quantity) == 0 && fees.compareTo(book.fees) == 0
                    && realized.subtract(book.realized).abs().compareTo(TOLERANCE) < 0;
            if (!same) {
                System.out.printf("DIFFERS %s: size %s (expected %s), realized %s (%s), fees %s (%s)%n",
                        entry.getKey(), size, book.quantity, realized, book.realized, fees, book.fees);
                ok = false;
            }
            BigDecimal[] row = readModelPosition(entry.getKey());
            if (row == null || row[0].compareTo(book.quantity) != 0
                    || row[1].subtract(book.realized).abs().compareTo(TOLERANCE) >= 0) {
                System.out.printf("READ MODEL DIFFERS %s: size %s (expected %s), realized %s (%s)%n", entry.getKey(),
                        row == null ? null : row[0], book.quantity, row == null ? null : row[1], book.realized);
                readModelDiffers++;
            }
        }
        System.out.printf("positions read model: %d of %d equal to the reference%n",
                expected.size() - readModelDiffers, expected.size());
        ok &= readModelDiffers == 0;
        // a kill between a dead letter's confirm and the original's acknowledgement dead-letters it again: the
        // queue must hold every poison message and nothing else, some of them twice
        java.util.Set<String> deadLettered = new java.util.HashSet<>();
        long deadLetters = 0;
        long left = 0;
        for (String queue : List.of(orderExecuted, wsPosition)) {
            for (var got = channel.basicGet(queue + ".dlq", true); got != null;
                 got = channel.basicGet(queue + ".dlq", true)) {
                deadLetters++;
                deadLettered.add(got.getProps().getMessageId());
            }
            left += channel.queueDeclarePassive(queue).getMessageCount();
            for (int p = 0; p < partitions && partitions > 1; p++) {
                left += channel.queueDeclarePassive(queue + ".p" + p).getMessageCount();
            }
        }
        System.out.printf("positions equal to the reference: %s; dead letters %d of %d messages (poison %d: %s);"
                        + " left in queues %d%n", ok, deadLetters, deadLettered.size(), poison,
                deadLettered.equals(poisonIds) ? "all of them, nothing else" : "DIFFERENT", left);
        ok &= deadLettered.equals(poisonIds) && left == 0;
        return ok;
    }

    /**
     * Each read model with its primary key and the condition that picks this run's rows (ReadModelReplayTest's
     * tables): a replay must rebuild them byte for byte.
     */
    private static final Map<String, String[]> READ_MODELS = new LinkedHashMap<>();

    static {
        READ_MODELS.put("positions", new String[]{"id", "asset LIKE ?"});
        READ_MODELS.put("position_orders", new String[]{"id",
                "position_id IN (SELECT id FROM positions WHERE asset LIKE ?)"});
        READ_MODELS.put("position_snapshots", new String[]{"id", "asset LIKE ?"});
        READ_MODELS.put("position_timeline", new String[]{"position_id, sequence_number", "asset LIKE ?"});
    }

    /**
     * Dumps the read models, replays them through {@code POST /api/v1/admin/replay} on the query-side instance that
     * was never killed, and dumps them again. Axon resets a processor's tokens only when it can claim every segment:
     * the other query-side instances are stopped first (SIGTERM, which releases their claims).
     */
    private boolean replayReproducesReadModels(List<Process> queryRunning) throws Exception {
        if (queryInstances == 0) {
            return true;
        }
        int survivor = queryInstances - 1;
        for (int i = 0; i < survivor; i++) {
            queryRunning.get(i).destroy();
            queryRunning.get(i).waitFor(60, TimeUnit.SECONDS);
        }
        Map<String, List<String>> before = dumpReadModels();
        long began = System.nanoTime();
        var http = java.net.http.HttpClient.newHttpClient();
        String admin = "http://127.0.0.1:" + queryPorts.get(survivor) + "/api/v1/admin/replay";
        var started = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin))
                        .header("X-API-Key", adminKey).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode progress = JSON.readTree(started.body());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (progress.path("status").asText().equals("running") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            progress = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin))
                    .header("X-API-Key", adminKey).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body());
        }
        Map<String, List<String>> after = dumpReadModels();
        List<String> differing = before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table)))
                .toList();
        System.out.printf("replay (HTTP %d, %s) of %s events in %.1f s: %s%n", started.statusCode(),
                progress.path("status").asText(), progress.path("events_total").asText(),
                (System.nanoTime() - began) / 1e9, differing.isEmpty()
                        ? "read models byte for byte as before (" + before.entrySet().stream()
                        .map(table -> table.getValue().size() + " rows of " + table.getKey()).toList() + ")"
                        : "DIFFERS in " + differing);
        return progress.path("status").asText().equals("completed") && differing.isEmpty();
    }

    /**
     * This run's rows of each read model as PostgreSQL prints them, in primary-key order; without the transaction that
     * wrote each ({@code written_xid}), which is bookkeeping, not content.
     */
    private Map<String, List<String>> dumpReadModels() throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (var connection = database()) {
            for (Map.Entry<String, String[]> table : READ_MODELS.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement("SELECT (to_jsonb(t) - 'written_xid')::text FROM "
                        + table.getKey() + " t WHERE " + table.getValue()[1] + " ORDER BY " + table.getValue()[0])) {
                    statement.setString(1, run + "F%");
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            rows.add(result.getString(1));
                        }
                    }
                }
                tables.put(table.getKey(), rows);
            }
        }
        return tables;
    }

    private void generate() {
        Random random = new Random(Long.parseLong(setting("SEED", "15")));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < assets; i++) {
            names.add(run + "F" + i);
            expected.put(names.get(i), new Book());
        }
        List<byte[]> toRedeliver = new ArrayList<>();
        int[] nextId = {0};
        java.util.function.Function<byte[], Outgoing> execution =
                body -> new Outgoing(run + "-m" + nextId[0]++, orderExecuted, body);
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        for (int n = 0; n < fills; n++) {
            String asset = names.get(random.nextInt(assets));
            Book book = expected.get(asset);
            String body;
            // funding of an open position (a flat one has nobody to pay)
            if (book.quantity.signum() != 0 && random.nextInt(50) == 0) {
                BigDecimal paid = BigDecimal.valueOf(random.nextInt(2_000) - 1_000, 4);
                book.funding(paid);
                body = """
                        {"order_id":"%s-f%d","exec_id":"%s-e%d","asset":"%s","exec_type":"Funding",\
                        "execution_fees":"%s","mode":"one-way","executed_at":"%s","seq":%d}"""
                        .formatted(run, n, run, n, asset, paid.toPlainString(), t0.plusMillis(n), book.seq);
            } else {
                boolean buy = random.nextBoolean();
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(1_000), 3);
                BigDecimal price = BigDecimal.valueOf(10_000 + random.nextInt(10_000), 2);
                BigDecimal fee = BigDecimal.valueOf(random.nextInt(100), 4);
                book.fill(buy, quantity, price, fee);
                body = """
                        {"order_id":"%s-o%d","exec_id":"%s-e%d","asset":"%s","side":"%s","filled_quantity":"%s",\
                        "execution_price":"%s","execution_fees":"%s","mode":"one-way","exec_type":"Trade",\
                        "executed_at":"%s","seq":%d}"""
                        .formatted(run, n, run, n, asset, buy ? "Buy" : "Sell", quantity.toPlainString(),
                                price.toPlainString(), fee.toPlainString(), t0.plusMillis(n), book.seq);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            messages.add(execution.apply(bytes));
            if (reportEvery > 0 && random.nextInt(reportEvery) == 0) {
                report(asset, book, t0.plusMillis(n), run + "-m" + nextId[0]++, random);
            }
            if (random.nextInt(10) == 0) {
                toRedeliver.add(bytes);
            }
            if (!toRedeliver.isEmpty() && random.nextInt(5) == 0) {
                messages.add(execution.apply(toRedeliver.remove(0)));
                redeliveries++;
            }
            if (random.nextInt(100) == 0) {
                // half the poison is refused by the router (no asset), half by the partition's consumer (bad side)
                poisonIds.add(run + "-m" + nextId[0]);
                messages.add(execution.apply((poison % 2 == 0
                        ? "{\"order_id\":\"p%d\",\"side\":\"Buy\",\"filled_quantity\":\"1\",\"execution_price\":\"1\"}"
                        .formatted(n)
                        : "{\"order_id\":\"p%d\",\"asset\":\"%s\",\"side\":\"Up\",\"filled_quantity\":\"1\",\"execution_price\":\"1\"}"
                        .formatted(n, asset)).getBytes(StandardCharsets.UTF_8)));
                poison++;
            }
        }
        toRedeliver.forEach(bytes -> messages.add(execution.apply(bytes)));
        redeliveries += toRedeliver.size();
    }

    /**
     * The exchange's report of the asset's position after every execution so far (its seq), as the reference has it:
     * realized PnL is the exchange's to report, so the position ends at the reference only if the service neither
     * adds an execution the report covers nor drops one it does not. It is placed up to three rounds of the assets
     * earlier in the stream, before some of the executions it covers, but after the asset's previous report.
     */
    private void report(String asset, Book book, Instant updated, String id, Random random) {
        BigDecimal size = book.quantity.abs();
        String position = size.signum() == 0
                ? "\"size\":\"0\""
                : "\"side\":\"%s\",\"size\":\"%s\",\"avgPrice\":\"%s\"".formatted(
                        book.quantity.signum() > 0 ? "Buy" : "Sell", size.toPlainString(),
                        storable(book.cost.divide(size, MathContext.DECIMAL128)).toPlainString());
        String body = """
                {"event_id":"%s","mode":"one-way","payload":{"symbol":"%s","positionIdx":0,%s,"markPrice":"%s",\
                "cumRealisedPnl":"%s","seq":%d,"updatedTime":"%s"}}"""
                .formatted(id, asset, position, book.lastPrice.toPlainString(),
                        storable(book.realized).toPlainString(), book.seq, updated);
        int at = Math.max(book.lastReportAt + 1, messages.size() - random.nextInt(3 * assets + 1));
        messages.add(at, new Outgoing(id, wsPosition, body.getBytes(StandardCharsets.UTF_8)));
        for (Book other : expected.values()) {
            if (other.lastReportAt >= at) {
                other.lastReportAt++;
            }
        }
        book.lastReportAt = at;
        reports++;
    }

    /** As the exchange's messages carry decimals: at most 18 fraction digits (the service's bounds). */
    private static BigDecimal storable(BigDecimal value) {
        return value.setScale(18, java.math.RoundingMode.HALF_EVEN);
    }

    private Process start(Side side, int index) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        // a query side that holds every segment with a backlog (its peer killed) ran out of heap at 384 MB
        List<String> command = new ArrayList<>(List.of(java, side == Side.QUERY ? "-Xmx512m" : "-Xmx384m"));
        // the side's executable jar (run.sh), else this JVM's class path
        String jar = setting(side.jarSetting, "");
        command.addAll(jar.isEmpty()
                ? List.of("-cp", System.getProperty("java.class.path"), side.mainClass)
                : List.of("-jar", jar));
        int port = side == Side.QUERY ? queryPorts.computeIfAbsent(index, unused -> freePort()) : 0;
        command.addAll(List.of("--server.port=" + port, "--POSTGRES_HOST=" + postgresHost, "--POSTGRES_PORT=" + postgresPort,
                "--POSTGRES_DB=" + database, "--RABBITMQ_HOST=" + rabbitHost, "--RABBITMQ_PORT=" + rabbitPort,
                "--position-manager.ingest.queues.order-executed=" + orderExecuted,
                "--position-manager.ingest.queues.order-events=" + queuePrefix + "order-manager.order_events",
                "--position-manager.ingest.queues.ws-position=" + queuePrefix + "ws-gateway.position",
                "--position-manager.ingest.queues.ticker=" + queuePrefix + "ws-gateway.ticker",
                "--position-manager.ingest.partitions=" + partitions));
        if (side == Side.COMMAND) {
            command.addAll(List.of("--position-manager.aged.enabled=false", "--position-manager.fanout.enabled=false"));
        } else {
            command.add("--POSITION_MANAGER_ADMIN_API_KEY=" + adminKey);
        }
        Files.createDirectories(logs);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(side, index).toFile())).start();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path log(Side side, int index) {
        return logs.resolve(side.logPrefix + index + ".log");
    }

    /** Until the instance's latest start (its log is appended to by each) has completed. */
    private void awaitStarted(Side side, int index) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Path log = log(side, index);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log)) {
                String text = Files.readString(log);
                int lastStart = text.lastIndexOf(":: Spring Boot ::");
                if (text.indexOf(side.startedLine(), Math.max(lastStart, 0)) >= 0) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(side + " instance " + index + " did not start; see " + log);
    }

    /** Seconds from {@code sinceNanos} until {@code progress} counts more than {@code before}. */
    private double awaitProgressBeyond(Counter progress, long before, long sinceNanos) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (progress.count() <= before && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private long recorded() throws Exception {
        return count("count(*)");
    }

    private long distinctRecorded() throws Exception {
        return count("count(DISTINCT convert_from(payload, 'UTF8')::json->>'fillId')"
                + " + count(DISTINCT convert_from(payload, 'UTF8')::json->>'execId')");
    }

    /** This run's fills in the position_orders read model. */
    private long linked() throws Exception {
        return readModelCount("count(*)", "position_orders", "fill_id LIKE ?", run + "-e%");
    }

    /** This run's executions in the audit trail. */
    private long inTimeline() throws Exception {
        return readModelCount("count(*)", "position_timeline",
                "asset LIKE ? AND event_type IN ('FillApplied', 'FundingApplied')", run + "F%");
    }

    /** Asked again while PostgreSQL restarts; 0 before the query side has created the table. */
    private long readModelCount(String what, String table, String condition, String parameter) throws Exception {
        return retried(() -> {
            try (var connection = database();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT " + what + " FROM " + table + " WHERE " + condition)) {
                statement.setString(1, parameter);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                if ("42P01".equals(e.getSQLState())) { // undefined table
                    return 0;
                }
                throw e;
            }
        });
    }

    /** Size and realized PnL of the asset's one-way row in the positions read model; null when it has none. */
    private BigDecimal[] readModelPosition(String asset) throws SQLException {
        try (var connection = database();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT size, realized_pnl FROM positions WHERE asset = ? AND mode = 'one-way'")) {
            statement.setString(1, asset);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new BigDecimal[] {rows.getBigDecimal(1), rows.getBigDecimal(2)} : null;
            }
        }
    }

    /** This run's events of these types. */
    private long events(List<String> payloadTypes) throws Exception {
        return retried(() -> {
            try (var connection = database();
                 PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM domain_event_entry"
                         + " WHERE aggregate_identifier LIKE ? AND payload_type = ANY (?)")) {
                statement.setString(1, run + "F%");
                statement.setArray(2, connection.createArrayOf("varchar", payloadTypes.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private long count(String what) throws Exception {
        return retried(() -> countOnce(what));
    }

    /** Asked again while PostgreSQL restarts. */
    private static long retried(Counter query) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            try {
                return query.count();
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private long countOnce(String what) throws SQLException {
        try (var connection = database();
             PreparedStatement statement = connection.prepareStatement("SELECT " + what
                     + " FROM domain_event_entry WHERE aggregate_identifier LIKE ? AND payload_type IN (?, ?)")) {
            statement.setString(1, run + "F%");
            statement.setString(2, FILL);
            statement.setString(3, FUNDING);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private JsonNode lastFigures(String asset) throws SQLException, IOException {
        try (var connection = database();
             PreparedStatement statement = connection.prepareStatement("SELECT payload FROM domain_event_entry"
                     + " WHERE aggregate_identifier = ? AND payload_type IN (?, ?, ?)"
                     + " ORDER BY sequence_number DESC LIMIT 1")) {
            statement.setString(1, asset + ":one-way");
            statement.setString(2, FILL);
            statement.setString(3, FUNDING);
            statement.setString(4, REPORT);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? JSON.readTree(rows.getBytes(1)).path("position") : null;
            }
        }
    }

    private java.sql.Connection database() throws SQLException {
        return connect(database);
    }

    private java.sql.Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://%s:%s/%s".formatted(postgresHost, postgresPort, name),
                setting("POSTGRES_USER", "postgres"), setting("POSTGRES_PASSWORD", ""));
    }

    /**
     * The suite's own database, dropped and created again at each run (the command side creates its tables, not its
     * database): the replay rebuilds the whole store, which then holds this run and nothing of earlier ones.
     */
    private void createDatabase() throws SQLException {
        String quoted = "\"" + database.replace("\"", "\"\"") + "\"";
        try (var connection = connect("postgres"); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + quoted);
        }
    }

    private Connection rabbit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(rabbitHost);
        factory.setPort(Integer.parseInt(rabbitPort));
        factory.setUsername(setting("RABBITMQ_USER", "guest"));
        factory.setPassword(setting("RABBITMQ_PASSWORD", "guest"));
        // the publisher connects again itself, and knows which chunk was not confirmed
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("fault-suite-" + UUID.randomUUID());
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intSetting(String name, int fallback) {
        return Integer.parseInt(setting(name, String.valueOf(fallback)));
    }
}
