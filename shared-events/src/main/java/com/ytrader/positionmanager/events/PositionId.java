package com.ytrader.positionmanager.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identity of a position: one per {@code (asset, mode)}, written {@code BTCUSDT:one-way}.
 * It is the aggregate identifier in the event store.
 */
public final class PositionId {

    public static final Pattern ASSET = Pattern.compile("^[A-Z0-9]{2,30}$");

    private PositionId() {
    }

    public static String of(String asset, PositionMode mode) {
        return asset + ":" + mode.wireName();
    }

    /** The position's id in the messages and responses ({@code position_id}): a UUID derived from it. */
    public static UUID uuid(String positionId) {
        return UUID.nameUUIDFromBytes(positionId.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isValidAsset(String asset) {
        return asset != null && ASSET.matcher(asset).matches();
    }
}
