package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.FeatureInputs;
import com.ytrader.positionmanager.query.features.MlFeatures;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The {@code snapshot_data} of a snapshot: the position as it stood, the figures of its current (or just
 * ended) lifecycle, and the ML features that depend on the position alone, as of the snapshot's time.
 * {@code position_size_norm} depends on the whole portfolio at that moment and is not part of it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SnapshotData(
        String reason,
        String asset,
        PositionMode mode,
        BigDecimal size,
        BigDecimal averageEntryPrice,
        BigDecimal currentPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal longSize,
        BigDecimal shortSize,
        BigDecimal unrealizedPnlPct,
        Long timeHeldMinutes,
        long version,
        int lifecycle,
        Instant openedAt,
        Instant closedAt,
        BigDecimal lifecycleRealizedPnl,
        BigDecimal lifecycleFees,
        BigDecimal peakSize,
        BigDecimal averageExitPrice,
        long fillCount) {

    /** A lifecycle ended flat; the row is the position right after the event that closed it. */
    static SnapshotData closed(PositionRow position, LifecycleFigures lifecycle, long version) {
        return new SnapshotData("position_closed", position.asset(), position.mode(), position.size(),
                position.averageEntryPrice(), position.currentPrice(), position.unrealizedPnl(),
                position.realizedPnl(), position.longSize(), position.shortSize(), null, null, version,
                lifecycle.number(), lifecycle.openedAt(), lifecycle.closedAt(), lifecycle.realizedPnl(),
                lifecycle.fees(), lifecycle.peakSize(), lifecycle.averageExitPrice(), lifecycle.fillCount());
    }

    /** A snapshot asked for through the API or by the scheduler. */
    static SnapshotData taken(String asset, PositionMode mode, PositionFigures figures, Instant takenAt,
                              long version) {
        LifecycleFigures lifecycle = figures.lifecycle();
        MlFeatures features = MlFeatures.of(new FeatureInputs(figures.size(), figures.currentPrice(),
                figures.unrealizedPnl(), figures.entryNotional(), figures.flat() ? null : lifecycle.openedAt()),
                null, takenAt);
        return new SnapshotData("snapshot_taken", asset, mode, figures.size(), figures.averageEntryPrice(),
                figures.currentPrice(), figures.unrealizedPnl(), figures.realizedPnl(), figures.longSize(),
                figures.shortSize(), features.unrealizedPnlPct(), features.timeHeldMinutes(), version,
                lifecycle.number(), lifecycle.openedAt(), lifecycle.closedAt(), lifecycle.realizedPnl(),
                lifecycle.fees(), lifecycle.peakSize(), lifecycle.averageExitPrice(), lifecycle.fillCount());
    }
}
