package com.ytrader.positionmanager.standalone;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The test's own arithmetic of a one-way position, kept apart from the service's: the cost of the open quantity
 * rather than an average, divided only when asked. Fees reduce realized PnL; a fill through zero closes the old side
 * at its average and opens the rest at the fill's price.
 */
final class PlainPosition {

    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private int fills;
    private int flips;

    void fill(boolean buy, BigDecimal fillQuantity, BigDecimal price, BigDecimal fee) {
        fills++;
        fees = fees.add(fee);
        realized = realized.subtract(fee);
        BigDecimal signed = buy ? fillQuantity : fillQuantity.negate();
        if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
            quantity = quantity.add(signed);
            cost = cost.add(fillQuantity.multiply(price));
            return;
        }
        BigDecimal held = quantity.abs();
        BigDecimal average = cost.divide(held, MathContext.DECIMAL128);
        BigDecimal closed = fillQuantity.min(held);
        realized = realized.add((quantity.signum() > 0 ? price.subtract(average) : average.subtract(price))
                .multiply(closed));
        if (fillQuantity.compareTo(held) < 0) {
            quantity = quantity.add(signed);
            cost = cost.subtract(average.multiply(closed));
        } else {
            BigDecimal rest = fillQuantity.subtract(held);
            flips += rest.signum();
            quantity = buy ? rest : rest.negate();
            cost = rest.multiply(price);
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

    int flips() {
        return flips;
    }
}
