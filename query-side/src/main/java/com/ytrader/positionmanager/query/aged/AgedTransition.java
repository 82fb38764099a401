package com.ytrader.positionmanager.query.aged;

import com.ytrader.positionmanager.events.AgedPhase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One {@code aged_positions_history} row: what one event of an aged entry did. A close request keeps the status
 * ({@code from} = {@code to}) and names its request and attempt.
 *
 * @param sequenceNumber the position's event that did it: the audit trail's entry of the same number
 * @param currentPrice   the mark price of a phase change, the trigger price of a close request, the close price
 * @param reason         why: the phase change's words, or the close reason
 * @param at             the event's business time
 */
record AgedTransition(
        UUID agedId,
        long sequenceNumber,
        String eventType,
        AgedPhase from,
        AgedPhase to,
        BigDecimal currentPrice,
        BigDecimal targetPrice,
        BigDecimal lossTolerancePercent,
        String reason,
        String requestId,
        Integer attempt,
        Instant at) {
}
