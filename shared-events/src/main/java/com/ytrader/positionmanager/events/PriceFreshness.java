package com.ytrader.positionmanager.events;

import java.time.Duration;
import java.time.Instant;

/**
 * When a mark price is stale ({@code POSITION_MANAGER_PRICE_STALENESS_THRESHOLD}): missing, or quoted longer than the
 * threshold before the moment in question. One rule for the command side, which fetches a fresh price for a stale
 * position, and the query side, which shows {@code price_stale} and counts {@code stale_prices_count}.
 */
public record PriceFreshness(Duration threshold) {

    public PriceFreshness {
        if (threshold == null || threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException(
                    "position-manager.price-staleness-threshold must be a positive number of seconds: " + threshold);
        }
    }

    public static PriceFreshness ofSeconds(long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException(
                    "position-manager.price-staleness-threshold must be a positive number of seconds: " + seconds);
        }
        return new PriceFreshness(Duration.ofSeconds(seconds));
    }

    /** The oldest quote time a price may have and still be fresh at {@code at}. */
    public Instant freshSince(Instant at) {
        return at.minus(threshold);
    }

    /** The last moment a price quoted at {@code quotedAt} is fresh: it is stale from the next instant on. */
    public Instant lastFreshMoment(Instant quotedAt) {
        return quotedAt.plus(threshold);
    }

    public boolean stale(Instant quotedAt, Instant at) {
        return quotedAt == null || quotedAt.isBefore(freshSince(at));
    }
}
