package com.ytrader.positionmanager.command.position;

import java.time.Instant;
import java.util.Comparator;

/**
 * Where a report stands in the exchange's order for its leg: by {@code seq}, then {@code updatedTime}
 * ({@code seq} alone is not unique; -1 means never traded).
 */
record ReportStamp(long seq, Instant updatedTime) implements Comparable<ReportStamp> {

    private static final Comparator<ReportStamp> ORDER = Comparator.comparingLong(ReportStamp::seq)
            .thenComparing(ReportStamp::updatedTime);

    @Override
    public int compareTo(ReportStamp other) {
        return ORDER.compare(this, other);
    }

    boolean newerThan(ReportStamp other) {
        return other == null || compareTo(other) > 0;
    }
}
