package com.ytrader.positionmanager.query.history;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.support.QuerySideTest;

import java.time.Instant;

/** What the history tests share: the URLs of the history endpoints. */
abstract class HistoryTestSupport extends QuerySideTest {

    protected Response asOf(String asset, PositionMode mode, Instant at, boolean inclusive, Instant knownAt) {
        return get("/api/v1/positions/" + asset + "/as-of?mode=" + mode.wireName() + "&timestamp=" + at
                + "&inclusive=" + inclusive + (knownAt == null ? "" : "&known_at=" + knownAt));
    }

    protected Response asOf(String asset, Instant at) {
        return asOf(asset, PositionMode.ONE_WAY, at, true, null);
    }
}
