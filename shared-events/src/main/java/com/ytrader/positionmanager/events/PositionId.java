package com.ytrader.positionmanager.events;

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

    public static boolean isValidAsset(String asset) {
        return asset != null && ASSET.matcher(asset).matches();
    }
}
