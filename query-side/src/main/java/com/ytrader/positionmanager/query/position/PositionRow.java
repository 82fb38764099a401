package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.FeatureInputs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;

/**
 * One row of the {@code positions} read model: the position after the last event applied to it.
 *
 * @param averageEntryPrice   null while flat, and for a hedge position with both legs open (the legs' own are
 *                            {@code longEntryPrice} and {@code shortEntryPrice})
 * @param exchangeSize        the exchange's size as last reported; null before any report, as are the other
 *                            {@code exchange*} figures
 * @param exchangeRealizedPnl the exchange's {@code cumRealisedPnl} as last reported
 * @param exchangeSeq         the highest {@code seq} the exchange has reported
 * @param totalFees           fees paid in the settle currency
 * @param feesByCurrency      fees paid in other currencies, per currency
 * @param closeReason         why the exchange closed the last lifecycle (liquidation, ADL, delivery); only while flat,
 *                            like {@code closedAt}
 */
public record PositionRow(
        UUID id,
        String asset,
        PositionMode mode,
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
        BigDecimal entryNotional,
        long version,
        Instant createdAt,
        Instant openedAt,
        Instant lastUpdated,
        Instant closedAt,
        Instant lastSnapshotAt) {

    /**
     * The row after an event that carried {@code figures}: the one mapping from figures to the read model, used by
     * the live projection, the point-in-time timeline (query.timeline), the snapshots and the integration events, so
     * all of them show the same position.
     */
    public static PositionRow of(String positionKey, String asset, PositionMode mode, PositionFigures figures,
                                 long version, Instant createdAt, Instant lastUpdated, Instant lastSnapshotAt) {
        boolean flat = figures.flat();
        return new PositionRow(PositionIds.of(positionKey), asset, mode, figures.size(), figures.averageEntryPrice(),
                figures.currentPrice(), figures.unrealizedPnl(), figures.realizedPnl(), figures.longSize(),
                figures.shortSize(), figures.longEntryPrice(), figures.shortEntryPrice(), figures.longRealizedPnl(),
                figures.shortRealizedPnl(), figures.exchangeSize(), figures.exchangeRealizedPnl(),
                figures.exchangeSeq(), figures.totalFees(), figures.feesByCurrency(),
                flat ? figures.lifecycle().closeReason() : null, figures.entryNotional(), version, createdAt,
                figures.lifecycle().openedAt(), lastUpdated, flat ? figures.lifecycle().closedAt() : null,
                lastSnapshotAt);
    }

    /** A closed lifecycle is held no longer: its opening time no longer counts. */
    public FeatureInputs featureInputs() {
        return new FeatureInputs(size, currentPrice, unrealizedPnl, entryNotional, closedAt == null ? openedAt : null);
    }
}
