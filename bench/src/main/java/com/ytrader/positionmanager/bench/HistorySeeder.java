package com.ytrader.positionmanager.bench;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.command.ingest.CommandBatch;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a large event history for the history and replay benchmarks through the command path the ingest uses:
 * random fills over {@code assets} positions (default 100), {@code batch} fills per transaction (default 1000), until
 * the event store holds {@code events} events (default 1,000,000). The fills are one millisecond apart in business
 * time, starting at {@code start} (default 2026-01-01T00:00:00Z). Arguments are Spring Boot settings.
 */
public final class HistorySeeder {

    private HistorySeeder() {
    }

    public static void main(String[] args) {
        long events = Long.getLong("events", 1_000_000);
        int assets = Integer.getInteger("assets", 100);
        int batchSize = Integer.getInteger("batch", 1000);
        Instant start = Instant.parse(System.getProperty("start", "2026-01-01T00:00:00Z"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("server.port=0", "logging.level.root=WARN").run(args)) {
            CommandBatch batch = new CommandBatch(app.getBean(CommandBus.class), app.getBean(TransactionManager.class),
                    app.getBean(DataSource.class));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Random random = new Random(7);
            long began = System.nanoTime();
            long stored = storedEvents(jdbc);
            int fills = 0;
            while (stored < events) {
                List<List<CommandMessage<?>>> messages = new ArrayList<>(batchSize);
                for (int i = 0; i < batchSize; i++, fills++) {
                    messages.add(List.of(GenericCommandMessage.asCommandMessage(fill(random, fills, assets, start))));
                }
                batch.applyInOneTransaction(messages);
                stored = storedEvents(jdbc);
                if (fills % 100_000 == 0) {
                    System.out.printf("  %,d fills, %,d events, %.0f s%n", fills, stored,
                            (System.nanoTime() - began) / 1e9);
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("seeded %,d fills over %d positions in %.1f s (%.0f fills/s, %d per transaction): "
                    + "%,d events%n", fills, assets, seconds, fills / seconds, batchSize, stored);
        }
    }

    private static ApplyFill fill(Random random, int number, int assets, Instant start) {
        String asset = "HIST" + (number % assets) + "USDT";
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        return ApplyFill.of(asset, PositionMode.ONE_WAY, null, "hf" + number, "ho" + number, side,
                BigDecimal.valueOf(1 + random.nextInt(1000), 3),
                BigDecimal.valueOf(5_000_000 + random.nextInt(100_000), 2),
                BigDecimal.valueOf(random.nextInt(100), 4), start.plusMillis(number));
    }

    private static long storedEvents(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
