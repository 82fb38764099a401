package com.ytrader.positionmanager.command.position;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a leg knows of the exchange: its latest report, the executions that report does not cover yet, and a size
 * difference waiting for the executions that could explain it.
 *
 * @param pendingSince when the latest unexplained size difference was first reported, null when there is none
 * @param confirmed    whether that difference was confirmed as a discrepancy
 */
record LegBook(ReportedLeg report, List<UncoveredExecution> uncovered, Instant pendingSince, boolean confirmed) {

    /**
     * Executions kept one by one; beyond this many, the oldest two are merged into one entry. A report lagging
     * that many executions behind is not seen in practice, and a merged entry is still exact for any report that
     * covers both of its executions.
     */
    static final int MAX_UNCOVERED = 256;

    LegBook {
        uncovered = List.copyOf(uncovered);
    }

    static LegBook empty() {
        return new LegBook(null, List.of(), null, false);
    }

    boolean covers(ExecutionStamp execution) {
        return report != null && execution.coveredBy(report.stamp());
    }

    /** Whether the exchange's realized PnL already contains the execution. */
    boolean pnlCovers(ExecutionStamp execution) {
        return covers(execution) && report.hasRealizedPnl();
    }

    LegBook withUncovered(UncoveredExecution execution) {
        List<UncoveredExecution> kept = new ArrayList<>(uncovered);
        kept.add(execution);
        if (kept.size() > MAX_UNCOVERED) {
            kept.set(1, kept.get(0).merge(kept.get(1)));
            kept.remove(0);
        }
        return new LegBook(report, kept, pendingSince, confirmed);
    }

    /** A newer report: the executions it covers leave the book. */
    LegBook reported(ReportedLeg newer, Instant newPendingSince) {
        List<UncoveredExecution> stillUncovered = uncovered.stream()
                .filter(execution -> !execution.stamp().coveredBy(newer.stamp()))
                .toList();
        return new LegBook(newer, stillUncovered, newPendingSince,
                confirmed && newPendingSince != null && newPendingSince.equals(pendingSince));
    }

    LegBook confirmedDiscrepancy() {
        return new LegBook(report, uncovered, pendingSince, true);
    }

    LegBook corrected() {
        return new LegBook(report, uncovered, null, false);
    }

    BigDecimal uncoveredRealizedPnl() {
        return uncovered.stream().map(UncoveredExecution::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal uncoveredSizeDelta() {
        return uncovered.stream().map(UncoveredExecution::sizeDelta).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Our size over the executions the latest report covers: what the report's size is compared with. */
    BigDecimal coveredSize(BigDecimal ourSize) {
        return ourSize.subtract(uncoveredSizeDelta());
    }
}
