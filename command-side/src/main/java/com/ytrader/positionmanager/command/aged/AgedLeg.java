package com.ytrader.positionmanager.command.aged;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.LegFigures;

import java.math.BigDecimal;
import java.time.Instant;

/** What the saga knows of one open leg: its figures, and once it aged, its phase, target and close requests. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class AgedLeg {

    int positionIdx;
    Instant openedAt;
    BigDecimal size;
    BigDecimal entryPrice;
    boolean trailingStop;
    /** The detection came while a trailing stop was active: it happens when the trailing stop goes. */
    boolean detectionDeferred;

    String agedId;
    AgedPhase phase;
    Instant detectedAt;
    BigDecimal breakevenPrice;
    BigDecimal targetPrice;
    BigDecimal lossTolerancePercent = BigDecimal.ZERO;

    int attempts;
    String pendingRequestId;
    AgedCloseReason requestedReason;

    AgedLeg() {
        // for the saga store
    }

    AgedLeg(LegFigures leg, Instant openedAt) {
        this.positionIdx = leg.positionIdx();
        this.openedAt = openedAt;
        follow(leg);
    }

    void follow(LegFigures leg) {
        size = leg.size();
        entryPrice = leg.averageEntryPrice();
    }

    boolean isLong() {
        return size.signum() > 0;
    }

    boolean aged() {
        return phase != null;
    }

    /** Watching the price for a close: aged, no request waiting for its fill, no trailing stop, not given up. */
    boolean watching() {
        return aged() && phase != AgedPhase.ERROR && pendingRequestId == null && !trailingStop;
    }
}
