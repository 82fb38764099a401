package com.ytrader.positionmanager.command.position;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An execution of a leg that the exchange's latest report does not contain yet: what it changed, so that the
 * report's figures plus these give the leg's figures exactly, whichever arrived first.
 */
record UncoveredExecution(Long seq, Instant executedAt, BigDecimal realizedPnl, BigDecimal sizeDelta) {

    ExecutionStamp stamp() {
        return new ExecutionStamp(seq, executedAt);
    }

    /** One entry standing for two: covered only when the report covers the later of them. */
    UncoveredExecution merge(UncoveredExecution later) {
        Long mergedSeq = seq != null && later.seq != null ? Long.valueOf(Math.max(seq, later.seq)) : null;
        Instant mergedAt = later.executedAt.isAfter(executedAt) ? later.executedAt : executedAt;
        return new UncoveredExecution(mergedSeq, mergedAt, realizedPnl.add(later.realizedPnl),
                sizeDelta.add(later.sizeDelta));
    }
}
