package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.api.PositionFields;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.FeatureInputs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the {@code positions} read model: the position after the last event applied to it, its figures as
 * every answer shows them ({@link PositionFields}) and the row's bookkeeping.
 *
 * @param entryNotional what the open quantity cost, for the features
 */
public record PositionRow(
        UUID id,
        String asset,
        PositionMode mode,
        PositionFields fields,
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
        return new PositionRow(PositionIds.of(positionKey), asset, mode, PositionFields.of(figures),
                figures.entryNotional(), version, createdAt, figures.lifecycle().openedAt(), lastUpdated,
                figures.flat() ? figures.lifecycle().closedAt() : null, lastSnapshotAt);
    }

    /** A closed lifecycle is held no longer: its opening time no longer counts. */
    public FeatureInputs featureInputs() {
        return new FeatureInputs(fields.size(), fields.currentPrice(), fields.unrealizedPnl(), entryNotional,
                closedAt == null ? openedAt : null);
    }
}
