package com.ytrader.positionmanager.standalone.demo;

import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the exchange would report for one one-way position after the demo's fills: the same cost-basis rules as
 * the aggregate (weighted entry on increase, realized PnL on reduce, a flip reopens at the fill price, fees
 * reduce realized PnL), so the reports agree with the fills and record no discrepancy.
 */
final class SimulatedExchangePosition {

    private static final int REPORTED_SCALE = 8;

    private BigDecimal size = BigDecimal.ZERO;
    private BigDecimal entryPrice = BigDecimal.ZERO;
    private BigDecimal realisedPnl = BigDecimal.ZERO;

    /** Continues from the position a previous run left, so reports of this run match the stored size. */
    void resumeFrom(BigDecimal size, BigDecimal entryPrice, BigDecimal realisedPnl) {
        this.size = size;
        this.entryPrice = size.signum() == 0 || entryPrice == null ? BigDecimal.ZERO : entryPrice;
        this.realisedPnl = realisedPnl == null ? BigDecimal.ZERO : realisedPnl;
    }

    void fill(Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
        BigDecimal signed = side.signed(quantity);
        if (size.signum() == 0 || size.signum() == signed.signum()) {
            BigDecimal newSize = size.add(signed);
            entryPrice = size.abs().multiply(entryPrice).add(quantity.multiply(price))
                    .divide(newSize.abs(), 18, RoundingMode.HALF_EVEN);
            size = newSize;
        } else {
            BigDecimal closed = quantity.min(size.abs());
            realisedPnl = realisedPnl.add(price.subtract(entryPrice).multiply(closed)
                    .multiply(BigDecimal.valueOf(size.signum())));
            BigDecimal newSize = size.add(signed);
            if (newSize.signum() == 0) {
                entryPrice = BigDecimal.ZERO;
            } else if (newSize.signum() != size.signum()) {
                entryPrice = price;
            }
            size = newSize;
        }
        realisedPnl = realisedPnl.subtract(fee);
    }

    BigDecimal size() {
        return size;
    }

    BigDecimal reportedEntryPrice() {
        return entryPrice.setScale(REPORTED_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    BigDecimal unrealisedPnl(BigDecimal markPrice) {
        return markPrice.subtract(entryPrice).multiply(size).setScale(REPORTED_SCALE, RoundingMode.HALF_EVEN);
    }

    BigDecimal cumRealisedPnl() {
        return realisedPnl.setScale(REPORTED_SCALE, RoundingMode.HALF_EVEN);
    }
}
