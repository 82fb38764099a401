package com.ytrader.positionmanager.query.position;

import java.math.BigDecimal;

/**
 * The portfolio's current total exposure, which a position's features are measured against. The portfolio, which
 * sums the positions, provides it: {@code position} knows nothing else of it.
 */
public interface TotalExposure {

    BigDecimal totalExposure();
}
