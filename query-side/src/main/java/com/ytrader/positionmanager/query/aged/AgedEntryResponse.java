package com.ytrader.positionmanager.query.aged;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An aged entry as the REST API shows it: one leg ({@code position_idx}: 0 one-way, 1 long, 2 short) of one
 * lifecycle of a position that outlived the maximum age, where it stands and how it ended.
 *
 * @param side         the leg's side: {@code Buy} for a long
 * @param statusSince  when the entry entered its status (a target moving within the progressive phase keeps it)
 * @param closeAttempts the close requests made so far
 * @param closeReason  the reason of the last close request; once closed, the reason it was closed for (null when
 *                     the leg closed otherwise)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgedEntryResponse(
        UUID agedId,
        String asset,
        PositionMode mode,
        int positionIdx,
        int lifecycle,
        Side side,
        BigDecimal entryPrice,
        AgedPhase status,
        Instant statusSince,
        Instant detectedAt,
        Instant graceStartedAt,
        Instant progressiveStartedAt,
        Instant closedAt,
        BigDecimal targetPrice,
        BigDecimal currentLossTolerancePercent,
        BigDecimal breakevenPrice,
        int closeAttempts,
        String lastRequestId,
        BigDecimal hoursInGrace,
        BigDecimal hoursInProgressive,
        BigDecimal closePrice,
        BigDecimal actualPnlPercent,
        AgedCloseReason closeReason,
        Instant updatedAt) {

    static AgedEntryResponse of(AgedEntry entry) {
        return new AgedEntryResponse(entry.agedId, entry.asset, entry.mode, entry.positionIdx, entry.lifecycle,
                entry.side, entry.entryPrice, entry.status, entry.statusSince, entry.detectedAt, entry.graceStartedAt,
                entry.progressiveStartedAt, entry.closedAt, entry.targetPrice, entry.lossTolerancePercent,
                entry.breakevenPrice, entry.closeAttempts, entry.lastRequestId, entry.hoursInGrace,
                entry.hoursInProgressive, entry.closePrice, entry.actualPnlPercent, entry.closeReason,
                entry.updatedAt);
    }
}
