package com.ytrader.positionmanager.command.position;

import java.math.BigDecimal;

/** The exchange's last applied report of one leg: where it stands in order, and what it said. */
record ReportedLeg(ReportStamp stamp, BigDecimal size, BigDecimal entryPrice) {
}
