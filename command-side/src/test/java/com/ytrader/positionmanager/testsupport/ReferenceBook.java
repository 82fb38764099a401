package com.ytrader.positionmanager.testsupport;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An independent, deliberately plain computation of a one-way position: it keeps the cost of the open
 * quantity instead of an average price and divides only when asked, at 34 significant digits.
 */
public final class ReferenceBook {

    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private int fills;

    public void fill(boolean buy, BigDecimal fillQuantity, BigDecimal price, BigDecimal fee) {
        fills++;
        realized = realized.subtract(fee);
        fees = fees.add(fee);
        BigDecimal signed = buy ? fillQuantity : fillQuantity.negate();
        if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
            quantity = quantity.add(signed);
            cost = cost.add(fillQuantity.multiply(price));
            return;
        }
        BigDecimal held = quantity.abs();
        BigDecimal average = cost.divide(held, MathContext.DECIMAL128);
        BigDecimal closing = fillQuantity.min(held);
        BigDecimal perUnit = quantity.signum() > 0 ? price.subtract(average) : average.subtract(price);
        realized = realized.add(perUnit.multiply(closing));
        int comparison = fillQuantity.compareTo(held);
        if (comparison < 0) {
            cost = cost.subtract(average.multiply(closing));
            quantity = quantity.add(signed);
        } else if (comparison == 0) {
            quantity = BigDecimal.ZERO;
            cost = BigDecimal.ZERO;
        } else {
            BigDecimal remainder = fillQuantity.subtract(held);
            quantity = buy ? remainder : remainder.negate();
            cost = remainder.multiply(price);
        }
    }

    /** A funding or settlement payment: {@code paid} leaves realized PnL (negative when received). */
    public void settle(BigDecimal paid) {
        realized = realized.subtract(paid);
    }

    public BigDecimal size() {
        return quantity;
    }

    public BigDecimal averageEntryPrice() {
        return quantity.signum() == 0 ? null : cost.divide(quantity.abs(), MathContext.DECIMAL128);
    }

    public BigDecimal realizedPnl() {
        return realized;
    }

    public BigDecimal fees() {
        return fees;
    }

    public int fills() {
        return fills;
    }
}
