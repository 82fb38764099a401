package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.position.ReportExchangePosition;
import com.ytrader.positionmanager.events.ExchangeRisk;
import com.ytrader.positionmanager.events.MarginMode;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionStatus;
import com.ytrader.positionmanager.exchange.BybitPosition;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One position of a Bybit v5 {@code position} stream message. Field names are Bybit's: the stream calls the
 * entry price {@code entryPrice} (the seeds' gateway forwards {@code avgPrice}) and the realized PnL of the
 * position {@code cumRealisedPnl} (older gateways {@code realisedPnl}); both spellings are accepted.
 */
record BybitPositionPayload(
        String symbol,
        PositionMode mode,
        int positionIdx,
        BigDecimal signedSize,
        BigDecimal entryPrice,
        BigDecimal markPrice,
        BigDecimal unrealisedPnl,
        BigDecimal realisedPnl,
        long seq,
        Instant updatedTime,
        BigDecimal trailingStop,
        ExchangeRisk risk) {

    static BybitPositionPayload read(JsonFields fields, String envelopeMode, Instant envelopeTimestamp) {
        BigDecimal size = fields.requiredDecimal("size");
        String side = fields.optionalText("side");
        if (size.signum() < 0) {
            throw new BadMessageException("payload.size must not be negative (the side gives the direction)");
        }
        if (size.signum() != 0 && !"Sell".equalsIgnoreCase(side) && !"Buy".equalsIgnoreCase(side)) {
            throw new BadMessageException("payload.side must be Buy or Sell for a non-zero size, was " + side);
        }
        Integer positionIdx = fields.optionalInteger("positionIdx");
        Long seq = fields.optionalLong("seq");
        Instant updatedTime = fields.optionalInstant("updatedTime");
        if (updatedTime == null) {
            updatedTime = envelopeTimestamp;
        }
        if (updatedTime == null) {
            throw new BadMessageException("payload.updatedTime is required when the envelope has no timestamp");
        }
        String mode = fields.optionalText("mode");
        BigDecimal entry = fields.optionalDecimal("avgPrice");
        BigDecimal realised = fields.optionalDecimal("cumRealisedPnl");
        return new BybitPositionPayload(
                fields.requiredText("symbol"),
                WireEnums.mode(mode != null ? mode : envelopeMode, positionIdx),
                positionIdx != null ? positionIdx : 0,
                BybitPosition.signedSize(side, size),
                entry != null ? entry : fields.optionalDecimal("entryPrice"),
                fields.optionalDecimal("markPrice"),
                fields.optionalDecimal("unrealisedPnl"),
                realised != null ? realised : fields.optionalDecimal("realisedPnl"),
                seq != null ? seq : -1,
                updatedTime,
                fields.optionalDecimal("trailingStop"),
                risk(fields));
    }

    /** The risk figures, when the message has any of them; Bybit sends {@code tradeMode} 0 for cross, 1 isolated. */
    private static ExchangeRisk risk(JsonFields fields) {
        Integer tradeMode = fields.optionalInteger("tradeMode");
        if (tradeMode != null && tradeMode != 0 && tradeMode != 1) {
            throw new BadMessageException("payload.tradeMode must be 0 (cross margin) or 1 (isolated), was "
                    + tradeMode);
        }
        ExchangeRisk risk = new ExchangeRisk(fields.optionalDecimal("leverage"), fields.optionalDecimal("liqPrice"),
                fields.optionalDecimal("breakEvenPrice"), fields.optionalDecimal("positionValue"),
                positionStatus(fields.optionalText("positionStatus")),
                tradeMode == null ? null : tradeMode == 1 ? MarginMode.ISOLATED : MarginMode.CROSS);
        return risk.equals(NO_RISK) ? null : risk;
    }

    private static PositionStatus positionStatus(String status) {
        try {
            return status == null ? null : PositionStatus.fromWireName(status);
        } catch (IllegalArgumentException e) {
            throw new BadMessageException("payload." + e.getMessage());
        }
    }

    private static final ExchangeRisk NO_RISK = new ExchangeRisk(null, null, null, null, null, null);

    ReportExchangePosition command() {
        return ReportExchangePosition.of(symbol, mode, positionIdx, signedSize, entryPrice, markPrice, unrealisedPnl,
                realisedPnl, seq, updatedTime).withTrailingStop(trailingStop).withRisk(risk);
    }
}
