package com.ytrader.positionmanager.command.api;

import com.ytrader.positionmanager.events.PositionId;

final class AssetParameter {

    private AssetParameter() {
    }

    static String check(String asset) {
        if (!PositionId.isValidAsset(asset)) {
            throw new InvalidParameterException("asset",
                    "asset must be 2 to 30 upper-case letters or digits (e.g. BTCUSDT), was '" + asset + "'");
        }
        return asset;
    }
}
