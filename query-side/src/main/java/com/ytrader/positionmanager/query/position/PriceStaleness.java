package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PriceFreshness;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

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
        return row.fields().currentPrice() == null || freshness.stale(row.fields().priceUpdatedAt(), at);
    }

    /** The oldest quote time a price may have and still be fresh at {@code at}: for counting in SQL. */
    public Instant freshSince(Instant at) {
        return freshness.freshSince(at);
    }
}
