package com.ytrader.positionmanager.bench;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.Position;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How long a position with a long history takes to load from the event store: with its latest aggregate
 * snapshot, and from all of its events once the snapshots are deleted. Arguments: events (default 100000), and
 * optionally the asset of a position an earlier run wrote, to measure its loads again without rewriting it.
 */
public final class PositionLoadBenchmark {

    private static final int LOADS = 5;

    private PositionLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String asset = args.length > 1 ? args[1] : "LOAD" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        String positionId = PositionId.of(asset, PositionMode.ONE_WAY);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("server.port=0", "POSTGRES_DB=pm_bench", "logging.level.root=WARN").run()) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            Instant t0 = Instant.now();
            long writeStart = System.nanoTime();
            // alternating buys and sells: one FillApplied per fill, plus an open or a close event each time
            int fills = 0;
            // a second argument names a position written by an earlier run: measure its loads only
            for (long written = args.length > 1 ? events : 0; written < events; fills++) {
                Side side = fills % 2 == 0 ? Side.BUY : Side.SELL;
                commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + fills, "o" + fills, side,
                        BigDecimal.ONE, new BigDecimal("100.5"), new BigDecimal("0.01"), t0.plusMillis(fills)));
                written += 2;
            }
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Long stored = jdbc.queryForObject(
                    "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, positionId);
            System.out.printf("wrote %d events (%d fills) in %.1f s%n", stored, fills,
                    (System.nanoTime() - writeStart) / 1e9);

            @SuppressWarnings("unchecked")
            Repository<Position> repository = app.getBean("positionRepository", Repository.class);
            Cache cache = app.getBean("positionCache", Cache.class);
            System.out.printf("load with snapshot: %.1f ms (median of %d)%n",
                    medianLoadMillis(repository, cache, positionId), LOADS);
            int deleted = jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", positionId);
            System.out.printf("deleted %d snapshots; load from all %d events: %.1f ms (median of %d)%n", deleted, stored,
                    medianLoadMillis(repository, cache, positionId), LOADS);
        }
    }

    private static double medianLoadMillis(Repository<Position> repository, Cache cache, String positionId)
            throws Exception {
        double[] millis = new double[LOADS];
        for (int i = 0; i < LOADS; i++) {
            cache.removeAll();
            long start = System.nanoTime();
            Long version = DefaultUnitOfWork.startAndGet(null)
                    .executeWithResult(() -> repository.load(positionId).version()).getPayload();
            millis[i] = (System.nanoTime() - start) / 1e6;
            System.out.printf("  load %d: version %d in %.1f ms%n", i + 1, version, millis[i]);
        }
        java.util.Arrays.sort(millis);
        return millis[LOADS / 2];
    }
}
