package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.FeatureInputs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of the {@code positions} read model: the position after the last event applied to it. */
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
        BigDecimal entryNotional,
        long version,
        Instant createdAt,
        Instant openedAt,
        Instant lastUpdated,
        Instant closedAt,
        Instant lastSnapshotAt) {

    /** A closed lifecycle is held no longer: its opening time no longer counts. */
    public FeatureInputs featureInputs() {
        return new FeatureInputs(size, currentPrice, unrealizedPnl, entryNotional, closedAt == null ? openedAt : null);
    }
}
