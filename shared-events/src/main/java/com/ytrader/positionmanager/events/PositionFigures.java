package com.ytrader.positionmanager.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
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
 * @param currentPrice the last mark price (of an exchange report, a ticker or the exchange's REST API), null before
 *                     the first
 * @param fillCount    fills applied over the position's whole history
 * @param totalFees    fees paid in the settle currency over the position's whole history (they reduce realized PnL)
 * @param lifecycle    the current lifecycle, or the last one when the position is flat
 * @param feesByCurrency fees paid in other currencies than the settle currency (the base coin, say), per currency:
 *                     they are not part of realized PnL
 * @param priceSource  where {@code currentPrice} came from: the gateway's streams (reports, tickers) or the exchange's
 *                     REST API; null before the first price, and in events stored before it was kept
 * @param priceTime    when the exchange quoted {@code currentPrice}
 */
public record PositionFigures(
        List<LegFigures> legs,
        BigDecimal currentPrice,
        BigDecimal totalFees,
        long fillCount,
        LifecycleFigures lifecycle,
        SortedMap<String, BigDecimal> feesByCurrency,
        PriceSource priceSource,
        Instant priceTime) {

    /** Decimal places kept for prices and PnL that come out of a division. */
    public static final int PRICE_SCALE = 18;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PositionFigures {
        legs = List.copyOf(legs);
        feesByCurrency = feesByCurrency == null ? EMPTY_FEES : Collections.unmodifiableSortedMap(new TreeMap<>(feesByCurrency));
    }

    private static final SortedMap<String, BigDecimal> EMPTY_FEES = Collections.unmodifiableSortedMap(new TreeMap<>());

    public PositionFigures(List<LegFigures> legs, BigDecimal currentPrice, BigDecimal totalFees, long fillCount,
                           LifecycleFigures lifecycle) {
        this(legs, currentPrice, totalFees, fillCount, lifecycle, null, null, null);
    }

    public static PositionFigures flat(PositionMode mode) {
        List<LegFigures> legs = mode == PositionMode.ONE_WAY
                ? List.of(LegFigures.flat(0))
                : List.of(LegFigures.flat(1), LegFigures.flat(2));
        return new PositionFigures(legs, null, BigDecimal.ZERO, 0, LifecycleFigures.none(), null, null, null);
    }

    /** These figures after a change of the legs, fees, fill count or lifecycle: the price and its source stay. */
    public PositionFigures with(List<LegFigures> newLegs, BigDecimal newTotalFees, long newFillCount,
                                LifecycleFigures newLifecycle) {
        return new PositionFigures(newLegs, currentPrice, newTotalFees, newFillCount, newLifecycle, feesByCurrency,
                priceSource, priceTime);
    }

    /** These figures at another mark price (the legs' unrealized PnL is the caller's). */
    public PositionFigures withPrice(BigDecimal price, PriceSource source, Instant quotedAt) {
        return new PositionFigures(legs, price, totalFees, fillCount, lifecycle, feesByCurrency, source, quotedAt);
    }

    public LegFigures leg(int positionIdx) {
        return legs.stream().filter(leg -> leg.positionIdx() == positionIdx).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no leg with positionIdx " + positionIdx));
    }

    public PositionFigures withLeg(LegFigures changed) {
        return with(
                legs.stream().map(leg -> leg.positionIdx() == changed.positionIdx() ? changed : leg).toList(),
                totalFees, fillCount, lifecycle);
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
        return new PositionFigures(legs, currentPrice, totalFees, fillCount, lifecycle, fees, priceSource, priceTime);
    }

    public BigDecimal unrealizedPnl() {
        return legs.stream().map(LegFigures::unrealizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal realizedPnl() {
        return legs.stream().map(LegFigures::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The price at which closing what is open leaves this lifecycle's realized PnL at zero: the entry price moved by
     * the lifecycle's fees, funding and what partial closes realized ({@code entry - lifecycle realized PnL / signed
     * size}). Null while flat and where there is no single entry price (both hedge legs open). The fee of the closing
     * trade itself is not known yet and not in it.
     */
    public BigDecimal breakEvenPrice() {
        LegFigures leg = onlyOpenLeg();
        return leg == null ? null : leg.averageEntryPrice()
                .subtract(lifecycle.realizedPnl().divide(leg.size(), PRICE_SCALE, RoundingMode.HALF_EVEN));
    }

    /** The exchange's break-even price of the open leg, as last reported. */
    public BigDecimal exchangeBreakEvenPrice() {
        return openLegRisk(ExchangeRisk::breakEvenPrice);
    }

    /** The open leg's leverage, as last reported. */
    public BigDecimal leverage() {
        return openLegRisk(ExchangeRisk::leverage);
    }

    /** The open leg's liquidation price, as last reported. */
    public BigDecimal liqPrice() {
        return openLegRisk(ExchangeRisk::liqPrice);
    }

    /** Whether {@link #liqPrice()} is only the exchange's estimate: anything but isolated margin. */
    public Boolean liqPriceEstimated() {
        ExchangeRisk risk = openLegRisk(Function.identity());
        return risk == null || risk.liqPrice() == null ? null : risk.marginMode() != MarginMode.ISOLATED;
    }

    /** The open leg's {@code positionStatus}, as last reported. */
    public PositionStatus positionStatus() {
        return openLegRisk(ExchangeRisk::positionStatus);
    }

    /** The exchange's {@code positionValue} summed over the open legs that reported one. */
    public BigDecimal positionValue() {
        List<BigDecimal> values = legs.stream().filter(LegFigures::open).map(LegFigures::exchange)
                .filter(Objects::nonNull).map(ExchangeFigures::risk).filter(Objects::nonNull)
                .map(ExchangeRisk::positionValue).filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * How far the mark price may still move against the position before it reaches the liquidation price, in percent
     * of the mark price (zero or less: at or beyond it); with both hedge legs open, the nearer one's. Null without a
     * mark price or a reported liquidation price.
     */
    public BigDecimal liquidationDistancePct() {
        if (currentPrice == null || currentPrice.signum() == 0) {
            return null;
        }
        return legs.stream().filter(LegFigures::open)
                .filter(leg -> leg.exchange() != null && leg.exchange().risk() != null
                        && leg.exchange().risk().liqPrice() != null)
                .map(leg -> currentPrice.subtract(leg.exchange().risk().liqPrice())
                        .multiply(BigDecimal.valueOf(leg.size().signum())).multiply(HUNDRED)
                        .divide(currentPrice, PRICE_SCALE, RoundingMode.HALF_EVEN))
                .min(BigDecimal::compareTo).orElse(null);
    }

    /** The leg that is open, when exactly one is: the leg a position-level risk figure describes. */
    private LegFigures onlyOpenLeg() {
        List<LegFigures> open = legs.stream().filter(LegFigures::open).toList();
        return open.size() == 1 ? open.get(0) : null;
    }

    private <T> T openLegRisk(Function<ExchangeRisk, T> figure) {
        LegFigures leg = onlyOpenLeg();
        return leg == null || leg.exchange() == null || leg.exchange().risk() == null ? null
                : figure.apply(leg.exchange().risk());
    }
}
