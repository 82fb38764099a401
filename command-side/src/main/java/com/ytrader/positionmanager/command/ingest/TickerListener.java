package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.aged.TickerPrices;
import com.ytrader.positionmanager.events.Bounds;
import com.ytrader.positionmanager.events.PositionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.beans.factory.ObjectProvider;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code ws-gateway.ticker}: {@code {symbol, markPrice | lastPrice, ts}}, one symbol's price, handed to the aged
 * positions' price watch. A price is acknowledged as soon as it is read: the next one supersedes it. A message that
 * cannot be read is dead-lettered with the reason, as on the other queues; without the aged positions (switched
 * off) tickers are read and dropped.
 */
final class TickerListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(TickerListener.class);

    private final String queue;
    private final int maxBodyBytes;
    private final ObjectProvider<TickerPrices> prices;
    private final DeadLetterPublisher deadLetters;

    TickerListener(String queue, int maxBodyBytes, ObjectProvider<TickerPrices> prices,
                   DeadLetterPublisher deadLetters) {
        this.queue = queue;
        this.maxBodyBytes = maxBodyBytes;
        this.prices = prices;
        this.deadLetters = deadLetters;
    }

    /** A ticker as this service reads it. */
    record Ticker(String symbol, BigDecimal price, Instant at) {

        static Ticker read(JsonFields fields, Instant receivedAt) {
            String symbol = fields.requiredText("symbol");
            if (!PositionId.isValidAsset(symbol)) {
                throw new BadMessageException("ticker.symbol '" + Abbreviation.of(symbol) + "' does not match "
                        + PositionId.ASSET.pattern());
            }
            BigDecimal mark = fields.optionalDecimal("markPrice");
            BigDecimal price = mark != null ? mark : fields.optionalDecimal("lastPrice");
            if (price == null) {
                throw new BadMessageException("ticker.markPrice or ticker.lastPrice is required");
            }
            if (price.signum() <= 0 || !Bounds.withinMagnitude(price)) {
                throw new BadMessageException("ticker price must be positive and at most "
                        + Bounds.MAX_MAGNITUDE.toPlainString() + ", was " + Abbreviation.of(price.toPlainString()));
            }
            Instant at = fields.optionalInstant("ts");
            return new Ticker(symbol, price, at != null ? at : receivedAt);
        }
    }

    @Override
    public void onMessage(Message message) {
        Ticker ticker;
        try {
            ticker = Ticker.read(InboundJson.read(message, maxBodyBytes, "ticker"), MessageTranslator.receivedAt(message));
        } catch (BadMessageException e) {
            reject(message, e.getMessage());
            return;
        } catch (RuntimeException e) {
            reject(message, "unreadable: " + e);
            return;
        }
        prices.ifAvailable(watch -> watch.offer(ticker.symbol(), ticker.price(), ticker.at()));
    }

    private void reject(Message message, String reason) {
        String abbreviated = Abbreviation.reason(reason);
        log.warn("Dead-lettering ticker {} from {}: {}", message.getMessageProperties().getMessageId(), queue,
                abbreviated);
        deadLetters.publish(queue, List.of(new DeadLetterPublisher.Rejected(message, abbreviated)));
    }
}
