package com.ytrader.positionmanager.query.aged;

import com.ytrader.positionmanager.events.AgedCloseFailed;
import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedCloseRequested;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.AgedPositionClosed;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One {@code aged_positions} row, folded from the events of its aged entry in their order: each {@code apply}
 * changes the row as the event says and returns the history row the event appends. The rules of the read model
 * live here, the SQL in {@link AgedPositionRepository}. Mutable, and only ever held by the batch that handles the
 * entry's events (or by one read).
 */
final class AgedEntry {

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(Duration.ofHours(1).toMillis());
    /** Hours to the millisecond's share: 6 fraction digits are finer than 3.6 ms. */
    private static final int HOURS_SCALE = 6;

    final UUID agedId;
    final String positionId;
    final String asset;
    final PositionMode mode;
    final int positionIdx;
    final int lifecycle;
    Side side;
    BigDecimal entryPrice;
    AgedPhase status;
    /** When the entry entered its status; a target moving within the progressive phase keeps it. */
    Instant statusSince;
    Instant detectedAt;
    Instant graceStartedAt;
    Instant progressiveStartedAt;
    Instant closedAt;
    BigDecimal targetPrice;
    BigDecimal lossTolerancePercent;
    BigDecimal breakevenPrice;
    int closeAttempts;
    String lastRequestId;
    BigDecimal hoursInGrace;
    BigDecimal hoursInProgressive;
    BigDecimal closePrice;
    BigDecimal actualPnlPercent;
    AgedCloseReason closeReason;
    /** The sequence number of the position's last event applied: what an older or redelivered event is told by. */
    long lastSequenceNumber;
    /** When the entry's first and last events were recorded. */
    Instant createdAt;
    Instant updatedAt;

    AgedEntry(UUID agedId, String positionId, String asset, PositionMode mode, int positionIdx, int lifecycle) {
        this.agedId = agedId;
        this.positionId = positionId;
        this.asset = asset;
        this.mode = mode;
        this.positionIdx = positionIdx;
        this.lifecycle = lifecycle;
    }

    /** An entry none of whose events is applied yet: the first one detects it at {@code detectedAt}. */
    static AgedEntry first(String agedId, String positionId, String asset, PositionMode mode, int positionIdx,
                           int lifecycle, Instant detectedAt, Instant recordedAt) {
        AgedEntry entry = new AgedEntry(UUID.fromString(agedId), positionId, asset, mode, positionIdx, lifecycle);
        entry.detectedAt = detectedAt;
        entry.createdAt = recordedAt;
        entry.lastSequenceNumber = -1;
        return entry;
    }

    /** Whether the event with this sequence number is applied already (a redelivery, or a replay over old rows). */
    boolean hasApplied(long sequenceNumber) {
        return sequenceNumber <= lastSequenceNumber;
    }

    AgedTransition apply(AgedPhaseChanged event, long sequenceNumber, Instant recordedAt) {
        side = event.side() != null ? event.side() : side;
        entryPrice = event.entryPrice() != null ? event.entryPrice() : entryPrice;
        breakevenPrice = event.breakevenPrice() != null ? event.breakevenPrice() : breakevenPrice;
        targetPrice = event.targetPrice();
        lossTolerancePercent = event.lossTolerancePercent();
        moveTo(event.to(), event.at());
        applied(sequenceNumber, recordedAt);
        return new AgedTransition(agedId, sequenceNumber, AgedPhaseChanged.class.getSimpleName(), event.from(),
                event.to(), event.markPrice(), event.targetPrice(), event.lossTolerancePercent(), event.reason(), null,
                null, event.at());
    }

    /** A close asked for: the status stays; the reason is the requested one until the outcome tells. */
    AgedTransition apply(AgedCloseRequested event, long sequenceNumber, Instant recordedAt) {
        closeAttempts = event.attempt();
        lastRequestId = event.requestId();
        closeReason = event.reason();
        targetPrice = event.targetPrice() != null ? event.targetPrice() : targetPrice;
        applied(sequenceNumber, recordedAt);
        return new AgedTransition(agedId, sequenceNumber, AgedCloseRequested.class.getSimpleName(), status, status,
                event.triggerPrice(), event.targetPrice(), lossTolerancePercent, event.reason().wireName(),
                event.requestId(), event.attempt(), event.requestedAt());
    }

    /** The leg became flat; {@code closeReason} is null when it closed for another reason than our request. */
    AgedTransition apply(AgedPositionClosed event, long sequenceNumber, Instant recordedAt) {
        closePrice = event.closePrice();
        actualPnlPercent = event.actualPnlPercent();
        closeReason = event.closeReason();
        closeAttempts = event.closeAttempts();
        moveTo(AgedPhase.CLOSED, event.closedAt());
        applied(sequenceNumber, recordedAt);
        String reason = event.closeReason() != null ? event.closeReason().wireName()
                : "closed without a close request of this service";
        return new AgedTransition(agedId, sequenceNumber, AgedPositionClosed.class.getSimpleName(), event.from(),
                AgedPhase.CLOSED, event.closePrice(), targetPrice, lossTolerancePercent, reason, lastRequestId,
                event.closeAttempts(), event.closedAt());
    }

    AgedTransition apply(AgedCloseFailed event, long sequenceNumber, Instant recordedAt) {
        closeAttempts = event.attempts();
        lastRequestId = event.lastRequestId();
        moveTo(AgedPhase.ERROR, event.at());
        applied(sequenceNumber, recordedAt);
        return new AgedTransition(agedId, sequenceNumber, AgedCloseFailed.class.getSimpleName(), event.from(),
                AgedPhase.ERROR, null, targetPrice, lossTolerancePercent,
                "no closing fill after " + event.attempts() + " close requests", event.lastRequestId(),
                event.attempts(), event.at());
    }

    /**
     * The phase timestamps: grace starts with the first grace phase, the progressive phase with its first change;
     * the hours spent in a phase are counted when the entry leaves it.
     */
    private void moveTo(AgedPhase to, Instant at) {
        if (status != null && isGrace(status) && !isGrace(to) && graceStartedAt != null) {
            hoursInGrace = hours(graceStartedAt, at);
        }
        if (status == AgedPhase.PROGRESSIVE_ACTIVE && to != AgedPhase.PROGRESSIVE_ACTIVE
                && progressiveStartedAt != null) {
            hoursInProgressive = hours(progressiveStartedAt, at);
        }
        if (isGrace(to) && graceStartedAt == null) {
            graceStartedAt = at;
        }
        if (to == AgedPhase.PROGRESSIVE_ACTIVE && progressiveStartedAt == null) {
            progressiveStartedAt = at;
        }
        if (to == AgedPhase.CLOSED) {
            closedAt = at;
        }
        if (to != status) {
            statusSince = at;
            status = to;
        }
    }

    private void applied(long sequenceNumber, Instant recordedAt) {
        lastSequenceNumber = sequenceNumber;
        updatedAt = recordedAt;
    }

    private static boolean isGrace(AgedPhase phase) {
        return phase == AgedPhase.GRACE_PENDING || phase == AgedPhase.GRACE_ACTIVE;
    }

    private static BigDecimal hours(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toMillis())
                .divide(MILLIS_PER_HOUR, HOURS_SCALE, RoundingMode.HALF_EVEN);
    }
}
