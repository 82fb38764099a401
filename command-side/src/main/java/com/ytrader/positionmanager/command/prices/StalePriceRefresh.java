package com.ytrader.positionmanager.command.prices;

import com.ytrader.positionmanager.command.openpositions.OpenPositions;
import com.ytrader.positionmanager.command.position.ApplyMarkPrice;
import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.PriceFreshness;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.UpdateSource;
import com.ytrader.positionmanager.exchange.BybitClient;
import com.ytrader.positionmanager.exchange.BybitException;
import com.ytrader.positionmanager.exchange.BybitTicker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code POSITION_MANAGER_PRICE_CHECK_INTERVAL} seconds, the open positions whose mark price is missing or
 * older than {@code POSITION_MANAGER_PRICE_STALENESS_THRESHOLD} seconds get one from the exchange's tickers (one
 * request for all their symbols), recorded as a {@code MarkPriceUpdated} of source {@code rest}. When the exchange
 * does not answer (the client retries), lists no such symbol or quotes no price, the last known price stays. Once per
 * cluster: the run holds a lock for most of its interval.
 */
@Component
@ConditionalOnProperty(name = "position-manager.price-check-enabled", havingValue = "true", matchIfMissing = true)
public class StalePriceRefresh {

    private static final Logger log = LoggerFactory.getLogger(StalePriceRefresh.class);

    private static final String HOLD_LOCK = "#{${position-manager.price-check-interval} * 900}";
    private static final String RELEASE_LOCK = "#{${position-manager.price-check-interval} * 1000}";

    private final OpenPositions openPositions;
    private final BybitClient exchange;
    private final CommandGateway commands;
    private final PriceFreshness freshness;
    private final Counter refreshed;
    private final Counter unpriced;
    private final Counter failures;

    StalePriceRefresh(OpenPositions openPositions, BybitClient exchange, CommandGateway commands,
                      @Value("${position-manager.price-staleness-threshold}") long stalenessSeconds,
                      MeterRegistry registry) {
        this.openPositions = openPositions;
        this.exchange = exchange;
        this.commands = commands;
        this.freshness = PriceFreshness.ofSeconds(stalenessSeconds);
        this.refreshed = outcome(registry, "refreshed");
        this.unpriced = outcome(registry, "unpriced");
        this.failures = outcome(registry, "failed");
    }

    @Scheduled(fixedDelayString = "${position-manager.price-check-interval}",
            initialDelayString = "${position-manager.price-check-interval}", timeUnit = TimeUnit.SECONDS)
    @SchedulerLock(name = "stale-price-refresh", lockAtMostFor = RELEASE_LOCK, lockAtLeastFor = HOLD_LOCK)
    public void refreshScheduled() {
        refreshStalePrices();
    }

    /** Fetches a price for each stale position; the number of positions that got one. */
    public int refreshStalePrices() {
        Instant now = Instant.now();
        List<OpenPositions.OpenPosition> stale = openPositions.pricedBefore(freshness.freshSince(now));
        if (stale.isEmpty()) {
            return 0;
        }
        String traceId = UUID.randomUUID().toString();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(EventMetadata.TRACE_ID, traceId)) {
            Map<String, BybitTicker> tickers;
            try {
                tickers = exchange.tickers(stale.stream().map(OpenPositions.OpenPosition::asset).toList());
            } catch (BybitException e) {
                failures.increment(stale.size());
                log.warn("No fresh price for {} positions, the last known prices stay: {}", stale.size(),
                        e.getMessage());
                return 0;
            }
            Instant fetchedAt = Instant.now();
            CommandMetadata metadata = CommandMetadata.of(UpdateSource.SCHEDULER, traceId, "price-check:" + fetchedAt);
            int priced = 0;
            for (OpenPositions.OpenPosition position : stale) {
                BigDecimal price = price(tickers.get(position.asset()));
                if (price == null) {
                    unpriced.increment();
                    log.warn("The exchange quotes no price for {}: its last known price stays", position.asset());
                    continue;
                }
                try {
                    commands.sendAndWait(metadata.command(ApplyMarkPrice.of(position.asset(), position.mode(), price,
                            PriceSource.REST, fetchedAt)));
                    refreshed.increment();
                    priced++;
                } catch (RuntimeException e) {
                    // one position that cannot take its price must not keep the others stale
                    failures.increment();
                    log.warn("Fresh price of {} {} not recorded: {}", position.asset(), position.mode().wireName(),
                            e.getMessage());
                }
            }
            log.info("Fresh prices from the exchange for {} of {} stale positions", priced, stale.size());
            return priced;
        }
    }

    /** The ticker's mark price, else its last price (spot has no mark price); null when it quotes neither. */
    private static BigDecimal price(BybitTicker ticker) {
        if (ticker == null) {
            return null;
        }
        BigDecimal price = ticker.markPrice() != null && ticker.markPrice().signum() > 0 ? ticker.markPrice()
                : ticker.lastPrice();
        return price != null && price.signum() > 0 ? price : null;
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("position_manager_price_checks")
                .description("Stale positions the price check visited, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
