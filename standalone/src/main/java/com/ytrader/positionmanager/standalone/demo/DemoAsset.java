package com.ytrader.positionmanager.standalone.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * A linear perpetual the demo trades, with Bybit-like price tick and lot size.
 *
 * @param maxLots the simulated trader reduces once its position reaches this many lots
 */
record DemoAsset(String symbol, BigDecimal startPrice, BigDecimal tickSize, BigDecimal lotSize, int maxLots) {

    static final List<DemoAsset> ALL = List.of(
            new DemoAsset("BTCUSDT", new BigDecimal("64250.0"), new BigDecimal("0.1"), new BigDecimal("0.001"), 40),
            new DemoAsset("ETHUSDT", new BigDecimal("3415.00"), new BigDecimal("0.01"), new BigDecimal("0.01"), 40),
            new DemoAsset("SOLUSDT", new BigDecimal("148.250"), new BigDecimal("0.001"), new BigDecimal("0.1"), 60),
            new DemoAsset("XRPUSDT", new BigDecimal("0.6120"), new BigDecimal("0.0001"), new BigDecimal("10"), 50),
            new DemoAsset("DOGEUSDT", new BigDecimal("0.15320"), new BigDecimal("0.00001"), new BigDecimal("100"), 50));

    BigDecimal maxSize() {
        return lotSize.multiply(BigDecimal.valueOf(maxLots));
    }
}
