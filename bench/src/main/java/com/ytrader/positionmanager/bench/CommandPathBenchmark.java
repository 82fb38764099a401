package com.ytrader.positionmanager.bench;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Fills per second through the command path on one thread: command gateway, Position aggregate (cached),
 * JDBC event store on PostgreSQL, one transaction per fill. System properties {@code fills} (default 20000)
 * and {@code assets} (100); arguments are Spring Boot settings such as {@code --position-manager.snapshot-threshold=1000}.
 */
public final class CommandPathBenchmark {

    private CommandPathBenchmark() {
    }

    public static void main(String[] args) {
        int fills = Integer.getInteger("fills", 20_000);
        int assets = Integer.getInteger("assets", 100);
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("server.port=0", "POSTGRES_DB=pm_bench", "logging.level.root=WARN").run(args)) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            Random random = new Random(42);
            send(commands, random, run, "W", fills / 10, assets, new Histogram(3));
            Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            long start = System.nanoTime();
            send(commands, random, run, "M", fills, assets, latency);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("command path, 1 thread: %d fills over %d positions in %.2f s = %.0f fills/s;"
                            + " latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    fills, assets, seconds, fills / seconds,
                    latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(90) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6,
                    latency.getMaxValue() / 1e6);
        }
    }

    private static void send(CommandGateway commands, Random random, String run, String phase, int count, int assets,
                             Histogram latency) {
        Instant t0 = Instant.now();
        for (int i = 0; i < count; i++) {
            String asset = "B" + run + phase + (i % assets);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            ApplyFill fill = ApplyFill.of(asset, PositionMode.ONE_WAY, null, run + phase + i, "o" + i, side,
                    BigDecimal.valueOf(1 + random.nextInt(1000), 3), BigDecimal.valueOf(5_000_000 + random.nextInt(100_000), 2),
                    BigDecimal.valueOf(random.nextInt(100), 4), t0.plusMillis(i));
            long sent = System.nanoTime();
            commands.sendAndWait(fill);
            latency.recordValue(System.nanoTime() - sent);
        }
    }
}
