package com.ytrader.positionmanager.standalone.demo;

import com.ytrader.positionmanager.command.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Publishes what an order manager and a WebSocket gateway would, to the real inbound queues, so that a first run
 * shows positions, PnL and history moving. Each tick has two halves: the first moves every mark price and
 * publishes one position report message with the exchange's view after the previous tick's fills (so a report
 * never overtakes a fill it includes), the second publishes this tick's fills. Half a tick apart, the two
 * queues' consumers rarely hold the same positions at once, which would make the ingest fall back to one
 * transaction per message. It stops with the application.
 */
public class DemoFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);

    private final RabbitTemplate rabbit;
    private final IngestProperties.Queues queues;
    private final StoredPositions stored;
    private final Duration interval;
    private final List<DemoInstrument> instruments;
    private final DemoMessages messages = new DemoMessages();

    private ScheduledExecutorService ticker;
    private volatile boolean running;
    /** Set when the simulated positions must be (re)aligned with the stored ones (at start, after a failed tick). */
    private boolean resumeFromStore = true;
    private boolean reportHalf = true;
    private long lastSeq;

    DemoFeed(RabbitTemplate rabbit, IngestProperties.Queues queues, StoredPositions stored, Duration interval,
             RandomGenerator random) {
        this.rabbit = rabbit;
        this.queues = queues;
        this.stored = stored;
        this.interval = interval;
        this.instruments = DemoAsset.ALL.stream().map(asset -> new DemoInstrument(asset, random)).toList();
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-feed");
            thread.setDaemon(true);
            return thread;
        });
        long half = interval.toMillis() / 2;
        ticker.scheduleWithFixedDelay(this::halfTick, half, half, TimeUnit.MILLISECONDS);
        running = true;
        log.info("Demo feed: fills to {}, position reports to {}, for {} every {} ms", queues.orderExecuted(),
                queues.wsPosition(), instruments.stream().map(i -> i.asset().symbol()).toList(), interval.toMillis());
    }

    /** Stops after the tick in progress, so nothing is published once this returns. */
    @Override
    public synchronized void stop() {
        if (ticker == null) {
            return;
        }
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(10, TimeUnit.SECONDS)) {
                ticker.shutdownNow();
            }
        } catch (InterruptedException e) {
            ticker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        ticker = null;
        running = false;
        log.info("Demo feed stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void halfTick() {
        try {
            if (resumeFromStore) {
                if (!stored.settled(instruments)) {
                    return;
                }
                stored.resume(instruments);
                resumeFromStore = false;
            }
            Instant now = Instant.now();
            if (reportHalf) {
                instruments.forEach(DemoInstrument::movePrice);
                rabbit.send("", queues.wsPosition(), messages.positionReports(instruments, nextSeq(now), now));
            } else {
                for (DemoInstrument instrument : instruments) {
                    instrument.maybeTrade().ifPresent(fill ->
                            rabbit.send("", queues.orderExecuted(), messages.execution(fill, now)));
                }
            }
            reportHalf = !reportHalf;
        } catch (RuntimeException e) {
            // a fill may have moved the simulation without reaching the broker: realign before the next tick
            resumeFromStore = true;
            log.warn("Demo feed tick failed, retrying next tick: {}", e.getMessage());
        }
    }

    /** Exchange sequence numbers grow across runs too, else the position would ignore a new run's reports as stale. */
    private long nextSeq(Instant now) {
        lastSeq = Math.max(lastSeq + 1, now.toEpochMilli());
        return lastSeq;
    }
}
