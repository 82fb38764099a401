package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The service asked the order manager to close an aged leg at market (README, "Close requests"): published on
 * {@code position-manager.close_requests} at least once, always with this {@code requestId}.
 *
 * @param side     the closing side: {@code Sell} for a long leg
 * @param quantity the leg's absolute size when the request was recorded
 * @param phase    the phase the leg was in
 */
@Revision("1")
public record AgedCloseRequested(
        String positionId,
        String asset,
        PositionMode mode,
        int lifecycle,
        int positionIdx,
        String agedId,
        String requestId,
        Side side,
        BigDecimal quantity,
        AgedCloseReason reason,
        AgedPhase phase,
        BigDecimal targetPrice,
        BigDecimal triggerPrice,
        int attempt,
        String traceId,
        Instant requestedAt) implements PositionEvent {

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }
}
