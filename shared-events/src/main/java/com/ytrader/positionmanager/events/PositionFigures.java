package com.ytrader.positionmanager.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The state of a position right after the event that carries it. Every state-changing event carries the
 * figures it produced, so the aggregate, the read models, the audit trail and point-in-time queries all
 * read the decided outcome; the position-level figures are derived here, in one place.
 *
 * @param legs         one leg ({@code positionIdx} 0) in one-way mode, legs 1 (long) and 2 (short) in hedge mode
 * @param currentPrice the exchange's last mark price, null before the first report
 * @param totalFees    fees paid over the position's whole history
 * @param fillCount    fills applied over the position's whole history
 * @param lifecycle    the current lifecycle, or the last one when the position is flat
 */
public record PositionFigures(
        List<LegFigures> legs,
        BigDecimal currentPrice,
        BigDecimal totalFees,
        long fillCount,
        LifecycleFigures lifecycle) {

    /** Decimal places kept for prices and PnL that come out of a division. */
    public static final int PRICE_SCALE = 18;

    public PositionFigures {
        legs = List.copyOf(legs);
    }

    public static PositionFigures flat(PositionMode mode) {
        List<LegFigures> legs = mode == PositionMode.ONE_WAY
                ? List.of(LegFigures.flat(0))
                : List.of(LegFigures.flat(1), LegFigures.flat(2));
        return new PositionFigures(legs, null, BigDecimal.ZERO, 0, LifecycleFigures.none());
    }

    public LegFigures leg(int positionIdx) {
        return legs.stream().filter(leg -> leg.positionIdx() == positionIdx).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no leg with positionIdx " + positionIdx));
    }

    public PositionFigures withLeg(LegFigures changed) {
        return new PositionFigures(
                legs.stream().map(leg -> leg.positionIdx() == changed.positionIdx() ? changed : leg).toList(),
                currentPrice, totalFees, fillCount, lifecycle);
    }

    public boolean hedge() {
        return legs.size() == 2;
    }

    /** Net signed size: the one-way size, or {@code longSize - shortSize} in hedge mode. */
    public BigDecimal size() {
        return legs.stream().map(LegFigures::size).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sum of the legs' absolute sizes: what is open, whichever way. */
    public BigDecimal grossSize() {
        return legs.stream().map(leg -> leg.size().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean flat() {
        return grossSize().signum() == 0;
    }

    /** Hedge mode only: the long leg's size; null in one-way mode. */
    public BigDecimal longSize() {
        return hedge() ? leg(1).size() : null;
    }

    /** Hedge mode only: the short leg's size as a positive quantity; null in one-way mode. */
    public BigDecimal shortSize() {
        return hedge() ? leg(2).size().abs() : null;
    }

    public BigDecimal entryNotional() {
        return legs.stream().map(LegFigures::entryNotional).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The entry price of what is open, weighted by leg size; null while flat. */
    public BigDecimal averageEntryPrice() {
        if (!hedge()) {
            return legs.get(0).averageEntryPrice();
        }
        BigDecimal gross = grossSize();
        return gross.signum() == 0 ? null : entryNotional().divide(gross, PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal unrealizedPnl() {
        return legs.stream().map(LegFigures::unrealizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal realizedPnl() {
        return legs.stream().map(LegFigures::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
