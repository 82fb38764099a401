package com.ytrader.positionmanager.query.portfolio;

/**
 * The portfolio figures of the positions of one asset (both modes).
 *
 * @param stalePrices open positions whose mark price is missing or older than the staleness threshold at the moment
 *                    the figures describe: their exposure is unknown or old
 */
public record AssetTotals(String asset, PositionSums sums, long stalePrices) {

    public boolean hasOpenPositions() {
        return sums.openPositions() > 0;
    }
}
