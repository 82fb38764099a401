package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.api.PositionFields;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.MlFeatures;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The {@code snapshot_data} of a snapshot: the position as it stood ({@link PositionFields}), the figures
 * of its current (or just ended) lifecycle, and the ML features that depend on the position alone, as of the
 * snapshot's time. {@code position_size_norm} depends on the whole portfolio at that moment and is not part of it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SnapshotData(
        String reason,
        String asset,
        PositionMode mode,
        @JsonUnwrapped PositionFields fields,
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
        return of("position_closed", position, null, null, lifecycle, version);
    }

    /** A snapshot asked for through the API or by the scheduler. */
    static SnapshotData taken(String positionKey, String asset, PositionMode mode, PositionFigures figures,
                              Instant takenAt, long version) {
        PositionRow position = PositionRow.of(positionKey, asset, mode, figures, version, null, null, null);
        MlFeatures features = MlFeatures.of(position.featureInputs(), null, takenAt);
        return of("snapshot_taken", position, features.unrealizedPnlPct(), features.timeHeldMinutes(),
                figures.lifecycle(), version);
    }

    private static SnapshotData of(String reason, PositionRow position, BigDecimal unrealizedPnlPct,
                                   Long timeHeldMinutes, LifecycleFigures lifecycle, long version) {
        return new SnapshotData(reason, position.asset(), position.mode(), position.fields(), unrealizedPnlPct,
                timeHeldMinutes, version, lifecycle.number(), lifecycle.openedAt(), lifecycle.closedAt(),
                lifecycle.realizedPnl(), lifecycle.fees(), lifecycle.peakSize(), lifecycle.averageExitPrice(),
                lifecycle.fillCount());
    }
}
