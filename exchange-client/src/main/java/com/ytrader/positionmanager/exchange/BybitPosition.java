package com.ytrader.positionmanager.exchange;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One position of {@code GET /v5/position/list}. Optional figures the exchange leaves empty are {@code null}
 * (e.g. {@code liqPrice} under portfolio margin).
 *
 * @param positionIdx 0 one-way mode, 1 the long leg and 2 the short leg of hedge mode
 * @param side        {@code Buy}, {@code Sell}, or empty (no position) as {@code null}
 * @param avgPrice    the exchange's entry price
 * @param seq         the symbol's cross sequence the position reflects; -1 when the symbol never traded
 * @param createdTime the first time the symbol ever had a position, not the age of this one
 */
public record BybitPosition(String symbol, int positionIdx, String side, BigDecimal size, BigDecimal avgPrice,
                            BigDecimal markPrice, BigDecimal unrealisedPnl, BigDecimal curRealisedPnl,
                            BigDecimal cumRealisedPnl, BigDecimal leverage, BigDecimal liqPrice,
                            BigDecimal breakEvenPrice, BigDecimal positionValue, String positionStatus,
                            BigDecimal trailingStop, Long seq, Instant createdTime, Instant updatedTime) {

    /** The size signed by the side: the exchange reports a size without sign, and a {@code Sell} position is short. */
    public static BigDecimal signedSize(String side, BigDecimal size) {
        return "Sell".equalsIgnoreCase(side) ? size.negate() : size;
    }

    /** This position's size, signed; zero when the exchange left it empty. */
    public BigDecimal signedSize() {
        return signedSize(side, size == null ? BigDecimal.ZERO : size);
    }
}
