package com.ytrader.positionmanager.query.limits;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A limit crossed, on queue {@code position-manager.limit_exceeded}: {@code limit_exceeded} when its figure went above
 * the limit, {@code limit_cleared} when it came back within it.
 *
 * @param value     the figure right after the event that crossed the limit; null when it became undefined (the
 *                  position closed, or lost its price)
 * @param asset     the position's asset, for a per-position limit; absent for the portfolio's
 * @param mode      the position's mode ({@code one-way}, {@code hedge}), beside its asset
 * @param traceId   the trace id of the event that crossed the limit
 * @param timestamp when that event was recorded: a redelivery or a new evaluation of the same event says the same
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LimitEvent(
        String eventType,
        String name,
        BigDecimal limit,
        BigDecimal value,
        @JsonInclude(JsonInclude.Include.NON_NULL) String asset,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mode,
        String traceId,
        Instant timestamp) {

    public static final String QUEUE = "position-manager.limit_exceeded";
    public static final String EXCEEDED = "limit_exceeded";
    public static final String CLEARED = "limit_cleared";
}
