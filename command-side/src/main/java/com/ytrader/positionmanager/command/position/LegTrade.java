package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.FillRelationship;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of one fill on one leg. Increasing sets the entry price to the size-weighted average;
 * reducing realizes {@code (price - entry) * qty} on a long and {@code (entry - price) * qty} on a short and
 * keeps the entry price; crossing zero closes the old side and opens the remainder at the fill price.
 *
 * @param closedQuantity  quantity that reduced the old side
 * @param openedQuantity  quantity that opened or increased a side
 * @param grossRealizedPnl PnL realized by the closed quantity, before fees
 */
record LegTrade(
        FillRelationship relationship,
        BigDecimal closedQuantity,
        BigDecimal openedQuantity,
        BigDecimal grossRealizedPnl,
        BigDecimal sizeAfter,
        BigDecimal averageEntryPriceAfter) {

    static LegTrade of(LegFigures leg, Side side, BigDecimal quantity, BigDecimal price) {
        BigDecimal size = leg.size();
        BigDecimal delta = side.signed(quantity);
        if (size.signum() == 0) {
            return new LegTrade(FillRelationship.OPENED, BigDecimal.ZERO, quantity, BigDecimal.ZERO, delta, price);
        }
        if (size.signum() == delta.signum()) {
            BigDecimal held = size.abs();
            BigDecimal average = held.multiply(leg.averageEntryPrice()).add(quantity.multiply(price))
                    .divide(held.add(quantity), PositionFigures.PRICE_SCALE, RoundingMode.HALF_EVEN);
            return new LegTrade(FillRelationship.INCREASED, BigDecimal.ZERO, quantity, BigDecimal.ZERO,
                    size.add(delta), average);
        }
        BigDecimal closed = quantity.min(size.abs());
        BigDecimal realized = price.subtract(leg.averageEntryPrice()).multiply(closed)
                .multiply(BigDecimal.valueOf(size.signum()));
        int remainder = quantity.compareTo(size.abs());
        if (remainder < 0) {
            return new LegTrade(FillRelationship.DECREASED, closed, BigDecimal.ZERO, realized, size.add(delta),
                    leg.averageEntryPrice());
        }
        if (remainder == 0) {
            return new LegTrade(FillRelationship.CLOSED, closed, BigDecimal.ZERO, realized, BigDecimal.ZERO, null);
        }
        BigDecimal opened = quantity.subtract(closed);
        return new LegTrade(FillRelationship.REVERSED, closed, opened, realized, side.signed(opened), price);
    }

    boolean crossesZero() {
        return relationship == FillRelationship.REVERSED;
    }
}
