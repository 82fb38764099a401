package com.ytrader.positionmanager.standalone.demo;

import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One asset of the demo: its moving mark price, the position the exchange holds for the simulated trader, and
 * the trader's habit of trading now and then in small lots, reducing once the position is large.
 */
final class DemoInstrument {

    /** Chance of a fill per tick: a few fills per second across the assets. */
    private static final double FILL_PROBABILITY = 0.35;
    private static final int MAX_LOTS_PER_FILL = 6;
    /** Bybit's taker fee on linear perpetuals. */
    private static final BigDecimal TAKER_FEE_RATE = new BigDecimal("0.00055");

    private final DemoAsset asset;
    private final RandomGenerator random;
    private final PriceWalk price;
    private final SimulatedExchangePosition position = new SimulatedExchangePosition();

    DemoInstrument(DemoAsset asset, RandomGenerator random) {
        this.asset = asset;
        this.random = random;
        this.price = new PriceWalk(asset, random);
    }

    DemoAsset asset() {
        return asset;
    }

    SimulatedExchangePosition position() {
        return position;
    }

    BigDecimal markPrice() {
        return price.price();
    }

    /** Continues from a stored position: the exchange's view and the mark price where the last run left them. */
    void resumeFrom(BigDecimal size, BigDecimal entryPrice, BigDecimal realisedPnl, BigDecimal markPrice) {
        position.resumeFrom(size, entryPrice, realisedPnl);
        if (markPrice != null) {
            price.resumeAt(markPrice);
        }
    }

    void movePrice() {
        price.step();
    }

    Optional<DemoFill> maybeTrade() {
        if (random.nextDouble() >= FILL_PROBABILITY) {
            return Optional.empty();
        }
        BigDecimal quantity = asset.lotSize().multiply(BigDecimal.valueOf(1 + random.nextInt(MAX_LOTS_PER_FILL)));
        BigDecimal size = position.size();
        Side side;
        if (size.compareTo(asset.maxSize()) >= 0) {
            side = Side.SELL;
        } else if (size.negate().compareTo(asset.maxSize()) >= 0) {
            side = Side.BUY;
        } else {
            side = random.nextBoolean() ? Side.BUY : Side.SELL;
        }
        BigDecimal fillPrice = price.price();
        BigDecimal fee = quantity.multiply(fillPrice).multiply(TAKER_FEE_RATE).setScale(8, RoundingMode.HALF_EVEN);
        position.fill(side, quantity, fillPrice, fee);
        return Optional.of(new DemoFill(asset.symbol(), side, quantity, fillPrice, fee));
    }
}
