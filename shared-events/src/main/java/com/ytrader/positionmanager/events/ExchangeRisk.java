package com.ytrader.positionmanager.events;

import java.math.BigDecimal;

/**
 * The risk figures of the exchange's report of a leg, as it said them; each null when the report left it empty
 * (Bybit leaves {@code liqPrice} empty under portfolio margin, for instance).
 *
 * @param liqPrice       the exchange's liquidation price: an estimate under cross margin (docs/risk.md)
 * @param breakEvenPrice the exchange's own break-even price
 * @param positionValue  the exchange's {@code positionValue}
 * @param marginMode     from {@code tradeMode}: 0 cross, 1 isolated; null when the report had none
 */
public record ExchangeRisk(
        BigDecimal leverage,
        BigDecimal liqPrice,
        BigDecimal breakEvenPrice,
        BigDecimal positionValue,
        PositionStatus positionStatus,
        MarginMode marginMode) {
}
