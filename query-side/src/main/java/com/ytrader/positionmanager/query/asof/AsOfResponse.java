package com.ytrader.positionmanager.query.asof;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.query.position.PositionResponse;

import java.time.Instant;

/**
 * A position as it stood at {@code as_of}: every field of the positions response (features computed at that instant
 * against the portfolio as it stood then) and the aggregate sequence number of the last event it reflects.
 *
 * @param knownAt null when every recorded event counts
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AsOfResponse(
        @JsonUnwrapped PositionResponse position,
        long sequenceNumber,
        Instant asOf,
        boolean inclusive,
        Instant knownAt) {
}
