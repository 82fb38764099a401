package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.ExchangeFigures;

/** The exchange's last applied report of one leg: where it stands in the exchange's order, and what it said. */
record ReportedLeg(ReportStamp stamp, ExchangeFigures figures) {

    static ReportedLeg of(ExchangeFigures figures) {
        return new ReportedLeg(new ReportStamp(figures.seq(), figures.updatedTime()), figures);
    }

    boolean hasRealizedPnl() {
        return figures.realizedPnl() != null;
    }
}
