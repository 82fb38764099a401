package com.ytrader.positionmanager.events;

import java.time.Instant;

/**
 * What every event of a position tells besides its own facts: whose it is and when it happened in the
 * business's time (the exchange's execution or report time, or the time the service acted), as opposed to
 * when it was recorded in the event store.
 */
public sealed interface PositionEvent permits PositionOpened, FillApplied, FillLinked, FillAlreadyCounted, PositionClosed,
        FundingApplied, ExchangeReportApplied, StaleExchangeReportIgnored, PositionSizeDiscrepancyDetected,
        PositionSnapshotTaken, PositionValidated, PositionCorrected, MarkPriceUpdated, AgedPhaseChanged,
        AgedCloseRequested, AgedPositionClosed, AgedCloseFailed {

    String positionId();

    String asset();

    PositionMode mode();

    /** When it happened in business time. */
    Instant occurredAt();
}
