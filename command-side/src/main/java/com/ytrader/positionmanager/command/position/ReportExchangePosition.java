package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.ExchangeFigures;
import com.ytrader.positionmanager.events.ExchangeRisk;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The exchange's view of one leg (a Bybit v5 position message).
 *
 * @param reportedSize       signed: the message's {@code size}, negated when {@code side} is {@code Sell}
 * @param reportedEntryPrice {@code avgPrice} or {@code entryPrice}; null when absent or empty
 * @param seq                the exchange's {@code seq}; -1 for a position never traded
 * @param trailingStop       the message's {@code trailingStop} distance; zero or null when none is active
 * @param risk               the message's leverage, liquidation and break-even prices, null when it had none
 */
public record ReportExchangePosition(
        @TargetAggregateIdentifier String positionId,
        String asset,
        PositionMode mode,
        int positionIdx,
        BigDecimal reportedSize,
        BigDecimal reportedEntryPrice,
        BigDecimal markPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        long seq,
        Instant updatedTime,
        BigDecimal trailingStop,
        ExchangeRisk risk) {

    public static ReportExchangePosition of(String asset, PositionMode mode, int positionIdx, BigDecimal reportedSize,
                                            BigDecimal reportedEntryPrice, BigDecimal markPrice,
                                            BigDecimal unrealizedPnl, BigDecimal realizedPnl, long seq,
                                            Instant updatedTime) {
        return new ReportExchangePosition(PositionId.of(asset, mode), asset, mode, positionIdx, reportedSize,
                reportedEntryPrice, markPrice, unrealizedPnl, realizedPnl, seq, updatedTime, null, null);
    }

    public ReportExchangePosition withTrailingStop(BigDecimal distance) {
        return new ReportExchangePosition(positionId, asset, mode, positionIdx, reportedSize, reportedEntryPrice,
                markPrice, unrealizedPnl, realizedPnl, seq, updatedTime, distance, risk);
    }

    public ReportExchangePosition withRisk(ExchangeRisk reported) {
        return new ReportExchangePosition(positionId, asset, mode, positionIdx, reportedSize, reportedEntryPrice,
                markPrice, unrealizedPnl, realizedPnl, seq, updatedTime, trailingStop, reported);
    }

    ExchangeFigures figures() {
        return new ExchangeFigures(seq, updatedTime, reportedSize, reportedEntryPrice, markPrice, unrealizedPnl,
                realizedPnl, risk);
    }
}
