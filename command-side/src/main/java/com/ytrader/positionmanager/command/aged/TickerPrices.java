package com.ytrader.positionmanager.command.aged;

import com.ytrader.positionmanager.command.aged.AgedWatchList.WatchedLeg;
import com.ytrader.positionmanager.command.position.ApplyMarkPrice;
import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.UpdateSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's ticker prices, of which only those that matter to an aged leg become events: each interval, the
 * latest price of each symbol is held against the watched legs by the aged rules, and a position whose saga would
 * act on it gets it as a mark price. Tickers come several times a second; every price of every open position as
 * an event would be most of the event store. A price held in memory when the service stops is lost: the next one
 * comes within the second.
 */
@Component
@ConditionalOnProperty(name = "position-manager.aged.enabled", havingValue = "true", matchIfMissing = true)
public class TickerPrices {

    private static final Logger log = LoggerFactory.getLogger(TickerPrices.class);

    private record Quote(BigDecimal price, Instant at) {
    }

    private final Map<String, Quote> latest = new ConcurrentHashMap<>();
    private final AgedWatchList watchList;
    private final AgedPositionRules rules;
    private final CommandGateway commands;

    TickerPrices(AgedWatchList watchList, AgedPositionRules rules, CommandGateway commands) {
        this.watchList = watchList;
        this.rules = rules;
        this.commands = commands;
    }

    /** Keeps the symbol's newest price; an older one arriving later is dropped, one of the same time replaces it. */
    public void offer(String symbol, BigDecimal price, Instant at) {
        latest.merge(symbol, new Quote(price, at), (held, offered) -> offered.at().isBefore(held.at()) ? held : offered);
    }

    @Scheduled(fixedDelayString = "${position-manager.aged.ticker-interval}")
    void applyPricesThatMatter() {
        Map<String, Quote> quotes = new HashMap<>();
        for (String symbol : latest.keySet()) {
            Quote quote = latest.remove(symbol);
            if (quote != null) {
                quotes.put(symbol, quote);
            }
        }
        Map<String, ApplyMarkPrice> marks = new LinkedHashMap<>();
        for (WatchedLeg leg : watchList.of(quotes.keySet())) {
            Quote quote = quotes.get(leg.asset());
            if (matters(leg, quote.price())) {
                ApplyMarkPrice mark = ApplyMarkPrice.of(leg.asset(), leg.mode(), quote.price(), PriceSource.WEBSOCKET,
                        quote.at());
                marks.putIfAbsent(mark.positionId(), mark);
            }
        }
        marks.values().forEach(this::apply);
    }

    private boolean matters(WatchedLeg leg, BigDecimal price) {
        return leg.phase() == AgedPhase.GRACE_PENDING || leg.phase() == AgedPhase.DETECTED
                || rules.closeReason(leg.phase(), leg.isLong(), leg.entryPrice(), leg.targetPrice(), price).isPresent();
    }

    private void apply(ApplyMarkPrice mark) {
        try {
            commands.sendAndWait(CommandMetadata.of(UpdateSource.WEBSOCKET, null, null).command(mark));
        } catch (RuntimeException e) {
            log.warn("Ticker price {} of {} not applied (the next one will be): {}", mark.markPrice(),
                    mark.positionId(), e.toString());
        }
    }
}
