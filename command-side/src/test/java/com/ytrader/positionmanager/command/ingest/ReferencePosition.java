package com.ytrader.positionmanager.command.ingest;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An independent computation of a one-way position from its fills: it keeps the cost of the open quantity
 * rather than an average price, and divides only when a position is reduced.
 */
final class ReferencePosition {

    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private int fills;

    void fill(boolean buy, BigDecimal size, BigDecimal price, BigDecimal fee) {
        fills++;
        fees = fees.add(fee);
        realized = realized.subtract(fee);
        BigDecimal signed = buy ? size : size.negate();
        if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
            quantity = quantity.add(signed);
            cost = cost.add(size.multiply(price));
            return;
        }
        BigDecimal held = quantity.abs();
        BigDecimal average = cost.divide(held, MathContext.DECIMAL128);
        BigDecimal closed = size.min(held);
        realized = realized.add((quantity.signum() > 0 ? price.subtract(average) : average.subtract(price))
                .multiply(closed));
        if (size.compareTo(held) < 0) {
            cost = cost.subtract(average.multiply(closed));
            quantity = quantity.add(signed);
        } else {
            BigDecimal remainder = size.subtract(held);
            quantity = buy ? remainder : remainder.negate();
            cost = remainder.multiply(price);
        }
    }

    BigDecimal size() {
        return quantity;
    }

    BigDecimal realizedPnl() {
        return realized;
    }

    BigDecimal fees() {
        return fees;
    }

    int fills() {
        return fills;
    }
}
