package com.ytrader.positionmanager.query.position;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * When an open position's mark price is too old to trust: missing, or quoted longer than
 * {@code POSITION_MANAGER_PRICE_STALENESS_THRESHOLD} seconds before the moment an answer describes (now, or the
 * instant of a point-in-time query). The command side fetches a fresh one from the exchange by the same threshold.
 */
@Component
public class PriceStaleness {

    private final Duration threshold;

    public PriceStaleness(@Value("${position-manager.price-staleness-threshold}") long thresholdSeconds) {
        if (thresholdSeconds <= 0) {
            throw new IllegalArgumentException(
                    "position-manager.price-staleness-threshold must be a positive number of seconds: "
                            + thresholdSeconds);
        }
        this.threshold = Duration.ofSeconds(thresholdSeconds);
    }

    /** False for a position that is not open: it has no price at risk. */
    public boolean stale(PositionRow row, Instant at) {
        if (row.openedAt() == null || row.closedAt() != null) {
            return false;
        }
        Instant quotedAt = row.fields().priceUpdatedAt();
        return row.fields().currentPrice() == null || quotedAt == null || quotedAt.isBefore(at.minus(threshold));
    }

    /** The oldest quote time a price may have and still be fresh at {@code at}: for counting in SQL. */
    public Instant freshSince(Instant at) {
        return at.minus(threshold);
    }
}
