package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionId;

import java.util.UUID;

/** Read-model ids derived from the aggregate id, so that a replay writes the very same rows. */
public final class PositionIds {

    private PositionIds() {
    }

    /** The {@code positions.id} of the aggregate {@code BTCUSDT:one-way}. */
    public static UUID of(String positionKey) {
        return PositionId.uuid(positionKey);
    }

    /** The id of a row that one event (aggregate id + sequence number) or one fill of a position produced. */
    public static UUID of(String positionKey, String discriminator) {
        return of(positionKey + "#" + discriminator);
    }

    /** The command side's snapshot id when it is a UUID, so that what POST /snapshot answers is what GET lists. */
    public static UUID snapshot(String positionKey, String snapshotId) {
        try {
            return UUID.fromString(snapshotId);
        } catch (IllegalArgumentException notUuid) {
            return of(positionKey, "snapshot:" + snapshotId);
        }
    }
}
