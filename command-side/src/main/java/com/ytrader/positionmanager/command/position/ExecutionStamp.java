package com.ytrader.positionmanager.command.position;

import java.time.Instant;

/**
 * Where an execution stands in the exchange's order: its cross sequence when known, and its time. A report covers
 * an execution when both have a sequence and the execution's is not higher, else when the execution happened no
 * later than the report's {@code updatedTime}.
 */
record ExecutionStamp(Long seq, Instant executedAt) {

    boolean coveredBy(ReportStamp report) {
        if (report == null) {
            return false;
        }
        if (seq != null && report.seq() >= 0) {
            return seq <= report.seq();
        }
        return !executedAt.isAfter(report.updatedTime());
    }
}
