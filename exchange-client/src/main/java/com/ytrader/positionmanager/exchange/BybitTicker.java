package com.ytrader.positionmanager.exchange;

import java.math.BigDecimal;

/**
 * A symbol's prices of {@code GET /v5/market/tickers}.
 *
 * @param markPrice {@code null} where the category has none (spot)
 */
public record BybitTicker(String symbol, BigDecimal markPrice, BigDecimal lastPrice) {
}
