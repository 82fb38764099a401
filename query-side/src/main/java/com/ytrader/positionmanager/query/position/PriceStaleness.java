package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PriceFreshness;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Whether an open position's mark price is too old to trust at the moment an answer describes (now, or the instant of
 * a point-in-time query), by the rule the command side's price check uses too ({@link PriceFreshness}).
 */
@Component
public class PriceStaleness {

    private final PriceFreshness freshness;

    public PriceStaleness(@Value("${position-manager.price-staleness-threshold}") long thresholdSeconds) {
        this.freshness = PriceFreshness.ofSeconds(thresholdSeconds);
    }

    /** False for a position that is not open: it has no price at risk. */
    public boolean stale(PositionRow row, Instant at) {
        if (row.openedAt() == null || row.closedAt() != null) {
            return false;
        }
        return stale(row.fields().currentPrice(), row.fields().priceUpdatedAt(), at);
    }

    /** Whether an open position's price, quoted at {@code priceUpdatedAt}, is stale at {@code at}. */
    public boolean stale(BigDecimal currentPrice, Instant priceUpdatedAt, Instant at) {
        return currentPrice == null || freshness.stale(priceUpdatedAt, at);
    }

    /** The last moment a price quoted at {@code quotedAt} is fresh. */
    public Instant lastFreshMoment(Instant quotedAt) {
        return freshness.lastFreshMoment(quotedAt);
    }

    /** The oldest quote time a price may have and still be fresh at {@code at}. */
    public Instant freshSince(Instant at) {
        return freshness.freshSince(at);
    }
}
