package com.ytrader.positionmanager.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The state of a position right after the event that carries it. Every state-changing event carries the
 * figures it produced, so the aggregate, the read models, the audit trail and point-in-time queries all
 * read the decided outcome; the position-level figures are derived here, in one place.
 *
 * @param legs         one leg ({@code positionIdx} 0) in one-way mode, legs 1 (long) and 2 (short) in hedge mode
 * @param currentPrice the exchange's last mark price, null before the first report
 * @param fillCount    fills applied over the position's whole history
 * @param totalFees    fees paid in the settle currency over the position's whole history (they reduce realized PnL)
 * @param lifecycle    the current lifecycle, or the last one when the position is flat
 * @param feesByCurrency fees paid in other currencies than the settle currency (the base coin, say), per currency:
 *                     they are not part of realized PnL
 */
public record PositionFigures(
        List<LegFigures> legs,
        BigDecimal currentPrice,
        BigDecimal totalFees,
        long fillCount,
        LifecycleFigures lifecycle,
        SortedMap<String, BigDecimal> feesByCurrency) {

    /** Decimal places kept for prices and PnL that come out of a division. */
    public static final int PRICE_SCALE = 18;

    public PositionFigures {
        legs = List.copyOf(legs);
        feesByCurrency = feesByCurrency == null ? EMPTY_FEES : Collections.unmodifiableSortedMap(new TreeMap<>(feesByCurrency));
    }

    private static final SortedMap<String, BigDecimal> EMPTY_FEES = Collections.unmodifiableSortedMap(new TreeMap<>());

    public PositionFigures(List<LegFigures> legs, BigDecimal currentPrice, BigDecimal totalFees, long fillCount,
                           LifecycleFigures lifecycle) {
        this(legs, currentPrice, totalFees, fillCount, lifecycle, null);
    }

    public static PositionFigures flat(PositionMode mode) {
        List<LegFigures> legs = mode == PositionMode.ONE_WAY
                ? List.of(LegFigures.flat(0))
                : List.of(LegFigures.flat(1), LegFigures.flat(2));
        return new PositionFigures(legs, null, BigDecimal.ZERO, 0, LifecycleFigures.none(), null);
    }

    public LegFigures leg(int positionIdx) {
        return legs.stream().filter(leg -> leg.positionIdx() == positionIdx).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no leg with positionIdx " + positionIdx));
    }

    public PositionFigures withLeg(LegFigures changed) {
        return new PositionFigures(
                legs.stream().map(leg -> leg.positionIdx() == changed.positionIdx() ? changed : leg).toList(),
                currentPrice, totalFees, fillCount, lifecycle, feesByCurrency);
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

    /**
     * The entry price of what is open; null while flat. A hedge position with both legs open has no single entry
     * price (a blend of a long and a short entry means nothing): null, and {@link #longEntryPrice()} and
     * {@link #shortEntryPrice()} give the legs'.
     */
    public BigDecimal averageEntryPrice() {
        if (!hedge()) {
            return legs.get(0).averageEntryPrice();
        }
        List<LegFigures> open = legs.stream().filter(LegFigures::open).toList();
        return open.size() == 1 ? open.get(0).averageEntryPrice() : null;
    }

    /** Hedge mode only: the long leg's entry price, null while it is flat or in one-way mode. */
    public BigDecimal longEntryPrice() {
        return hedge() ? leg(1).averageEntryPrice() : null;
    }

    /** Hedge mode only: the short leg's entry price, null while it is flat or in one-way mode. */
    public BigDecimal shortEntryPrice() {
        return hedge() ? leg(2).averageEntryPrice() : null;
    }

    /** Hedge mode only: the long leg's realized PnL. */
    public BigDecimal longRealizedPnl() {
        return hedge() ? leg(1).realizedPnl() : null;
    }

    /** Hedge mode only: the short leg's realized PnL. */
    public BigDecimal shortRealizedPnl() {
        return hedge() ? leg(2).realizedPnl() : null;
    }

    /** The exchange's size as last reported, summed over the reported legs; null before any report. */
    public BigDecimal exchangeSize() {
        return sumOfReported(ExchangeFigures::size);
    }

    /** The exchange's {@code cumRealisedPnl} as last reported, summed over the reported legs. */
    public BigDecimal exchangeRealizedPnl() {
        return sumOfReported(ExchangeFigures::realizedPnl);
    }

    /** The highest {@code seq} the exchange has reported for this position, null before any report. */
    public Long exchangeSeq() {
        return legs.stream().map(LegFigures::exchange).filter(Objects::nonNull).map(ExchangeFigures::seq)
                .max(Long::compare).orElse(null);
    }

    private BigDecimal sumOfReported(Function<ExchangeFigures, BigDecimal> figure) {
        List<BigDecimal> reported = legs.stream().map(LegFigures::exchange).filter(Objects::nonNull).map(figure)
                .filter(Objects::nonNull).toList();
        return reported.isEmpty() ? null : reported.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public PositionFigures withFeeIn(String currency, BigDecimal fee) {
        TreeMap<String, BigDecimal> fees = new TreeMap<>(feesByCurrency);
        fees.merge(currency, fee, BigDecimal::add);
        return new PositionFigures(legs, currentPrice, totalFees, fillCount, lifecycle, fees);
    }

    public BigDecimal unrealizedPnl() {
        return legs.stream().map(LegFigures::unrealizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal realizedPnl() {
        return legs.stream().map(LegFigures::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
