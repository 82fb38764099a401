package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.api.PositionFields;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.MlFeatures;
import com.ytrader.positionmanager.query.limits.LimitCheck;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A position as the REST API shows it: its figures ({@link PositionFields}: the hedge legs, the exchange's own
 * figures, the fees), its ML features and the row's bookkeeping; the live position also its per-position limits
 * ({@code limits}, {@code limit_exceeded}: measured now, so a point-in-time state and a training row have none).
 *
 * @param priceStale the position is open and its mark price missing or older than the staleness threshold
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionResponse(
        UUID id,
        String asset,
        PositionMode mode,
        @JsonUnwrapped PositionFields fields,
        BigDecimal unrealizedPnlPct,
        Long timeHeldMinutes,
        BigDecimal positionSizeNorm,
        boolean priceStale,
        long version,
        Instant createdAt,
        Instant openedAt,
        Instant lastUpdated,
        Instant closedAt,
        Instant lastSnapshotAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LimitCheck> limits,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean limitExceeded) {

    /** A past state (as-of, training row): features and price staleness at {@code at}; no limits (measured now). */
    public static PositionResponse of(PositionRow row, MlFeatures features, PriceStaleness staleness, Instant at) {
        return of(row, features, staleness, at, null);
    }

    /** @param limits the position's limits now; null where limits have no meaning (a past state) */
    public static PositionResponse of(PositionRow row, MlFeatures features, PriceStaleness staleness, Instant at,
                                      List<LimitCheck> limits) {
        return new PositionResponse(row.id(), row.asset(), row.mode(), row.fields(), features.unrealizedPnlPct(),
                features.timeHeldMinutes(), features.positionSizeNorm(), staleness.stale(row, at), row.version(),
                row.createdAt(), row.openedAt(), row.lastUpdated(), row.closedAt(), row.lastSnapshotAt(), limits,
                limits == null ? null : LimitCheck.anyExceeded(limits));
    }
}
