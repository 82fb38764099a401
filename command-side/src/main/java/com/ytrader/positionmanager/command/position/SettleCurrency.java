package com.ytrader.positionmanager.command.position;

import java.util.Locale;

/**
 * The currency a contract settles in, from Bybit's symbol names: {@code ...USDT} in USDT, {@code ...USDC} and
 * {@code ...PERP} in USDC, inverse {@code ...USD} in its base coin. Only fees in it are part of realized PnL.
 */
final class SettleCurrency {

    private SettleCurrency() {
    }

    static String of(String asset) {
        if (asset.endsWith("USDC") || asset.endsWith("PERP")) {
            return "USDC";
        }
        if (asset.endsWith("USD")) {
            return asset.substring(0, asset.length() - 3);
        }
        return "USDT";
    }

    static boolean isSettleCurrency(String asset, String feeCurrency) {
        return feeCurrency == null || feeCurrency.isBlank()
                || of(asset).equals(feeCurrency.trim().toUpperCase(Locale.ROOT));
    }
}
