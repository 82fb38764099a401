package com.ytrader.positionmanager.standalone.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;

/** A mark price that moves by a small random relative step each tick, always on the asset's price tick. */
final class PriceWalk {

    /** About 0.08 % per tick: visible movement every second without running away within a demo session. */
    private static final double STEP_DEVIATION = 0.0008;

    private final DemoAsset asset;
    private final RandomGenerator random;
    private BigDecimal price;

    PriceWalk(DemoAsset asset, RandomGenerator random) {
        this.asset = asset;
        this.random = random;
        this.price = asset.startPrice();
    }

    BigDecimal price() {
        return price;
    }

    /** Continues from the mark price a previous run left, on this asset's tick. */
    void resumeAt(BigDecimal mark) {
        price = mark.divide(asset.tickSize(), 0, RoundingMode.HALF_EVEN).multiply(asset.tickSize()).max(asset.tickSize());
    }

    BigDecimal step() {
        BigDecimal factor = BigDecimal.valueOf(1 + random.nextGaussian() * STEP_DEVIATION);
        BigDecimal next = price.multiply(factor).divide(asset.tickSize(), 0, RoundingMode.HALF_EVEN)
                .multiply(asset.tickSize());
        price = next.max(asset.tickSize());
        return price;
    }
}
