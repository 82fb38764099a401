package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Ask for an aged leg to be closed at market. The position decides the side and the quantity from the leg as it
 * holds it now, and records the request only while that leg of that lifecycle is still open.
 *
 * @param requestId the same for a retried command: a request already recorded is not recorded again
 */
public record RequestAgedClose(
        @TargetAggregateIdentifier String positionId,
        int lifecycle,
        int positionIdx,
        String agedId,
        String requestId,
        AgedCloseReason reason,
        AgedPhase phase,
        BigDecimal targetPrice,
        BigDecimal triggerPrice,
        int attempt,
        String traceId,
        Instant requestedAt) {
}
