package com.ytrader.positionmanager.query.aged;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.AgedPhase;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One event of an aged entry: a phase change, a target moving ({@code from_status} = {@code to_status}), a close
 * request (with its {@code request_id} and {@code attempt}), the close, or the failure.
 *
 * @param sequenceNumber the position's event: the same number in its audit trail
 * @param currentPrice   the mark price of a phase change, the trigger price of a close request, the close price
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgedTransitionResponse(
        long sequenceNumber,
        String eventType,
        AgedPhase fromStatus,
        AgedPhase toStatus,
        BigDecimal currentPrice,
        BigDecimal targetPrice,
        BigDecimal lossTolerancePercent,
        String reason,
        String requestId,
        Integer attempt,
        Instant at) {

    static AgedTransitionResponse of(AgedTransition transition) {
        return new AgedTransitionResponse(transition.sequenceNumber(), transition.eventType(), transition.from(),
                transition.to(), transition.currentPrice(), transition.targetPrice(),
                transition.lossTolerancePercent(), transition.reason(), transition.requestId(), transition.attempt(),
                transition.at());
    }
}
