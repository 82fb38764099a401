package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionStatus;
import com.ytrader.positionmanager.events.PriceSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.SortedMap;

/**
 * A position's figures as every answer and message shows them (README, "A position's fields"): the one list of them.
 * Whatever shows a position unwraps this record ({@code @JsonUnwrapped}): the query side's positions, as-of states,
 * training rows, audit trail, snapshots and integration events, the command side's answers; {@link #of} is the one
 * mapping from the figures an event carries.
 *
 * @param averageEntryPrice   null while flat, and for a hedge position with both legs open
 * @param exchangeSize        the exchange's size as last reported; null before any report, as are the other
 *                            {@code exchange*} figures
 * @param exchangeRealizedPnl the exchange's {@code cumRealisedPnl} as last reported
 * @param exchangeSeq         the highest {@code seq} the exchange has reported
 * @param totalFees           fees paid in the settle currency
 * @param feesByCurrency      fees paid in other currencies, per currency
 * @param closeReason         why the exchange closed the last lifecycle (liquidation, ADL, delivery); only while flat
 * @param priceSource         where {@code currentPrice} came from ({@code websocket}: a report or a ticker; {@code rest}:
 *                            fetched because the streamed one was stale)
 * @param priceUpdatedAt      when the exchange quoted {@code currentPrice}
 * @param breakEvenPrice      ours: where closing what is open leaves the lifecycle's realized PnL (fees and funding
 *                            included) at zero; the risk figures below are the open leg's, null with both hedge legs
 *                            open (docs/risk.md)
 * @param exchangeBreakEvenPrice the exchange's {@code breakEvenPrice}, as last reported; so are the figures below it
 * @param liqPriceEstimated   true when {@code liqPrice} is the exchange's estimate (cross margin)
 * @param liquidationDistancePct how far the mark price is from the liquidation price, in percent of the mark price
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionFields(
        BigDecimal size,
        BigDecimal averageEntryPrice,
        BigDecimal currentPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal longSize,
        BigDecimal shortSize,
        BigDecimal longEntryPrice,
        BigDecimal shortEntryPrice,
        BigDecimal longRealizedPnl,
        BigDecimal shortRealizedPnl,
        BigDecimal exchangeSize,
        BigDecimal exchangeRealizedPnl,
        Long exchangeSeq,
        BigDecimal totalFees,
        SortedMap<String, BigDecimal> feesByCurrency,
        CloseReason closeReason,
        PriceSource priceSource,
        Instant priceUpdatedAt,
        BigDecimal breakEvenPrice,
        BigDecimal exchangeBreakEvenPrice,
        BigDecimal leverage,
        BigDecimal liqPrice,
        Boolean liqPriceEstimated,
        BigDecimal positionValue,
        PositionStatus positionStatus,
        BigDecimal liquidationDistancePct) {

    public static PositionFields of(PositionFigures figures) {
        return new PositionFields(figures.size(), figures.averageEntryPrice(), figures.currentPrice(),
                figures.unrealizedPnl(), figures.realizedPnl(), figures.longSize(), figures.shortSize(),
                figures.longEntryPrice(), figures.shortEntryPrice(), figures.longRealizedPnl(),
                figures.shortRealizedPnl(), figures.exchangeSize(), figures.exchangeRealizedPnl(),
                figures.exchangeSeq(), figures.totalFees(), figures.feesByCurrency(),
                figures.flat() ? figures.lifecycle().closeReason() : null, figures.priceSource(), figures.priceTime(),
                figures.breakEvenPrice(), figures.exchangeBreakEvenPrice(), figures.leverage(), figures.liqPrice(),
                figures.liqPriceEstimated(), figures.positionValue(), figures.positionStatus(),
                figures.liquidationDistancePct());
    }
}
