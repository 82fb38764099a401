package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PriceSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/** A mark price of the position's symbol, quoted by the exchange at {@code priceTime}. */
public record ApplyMarkPrice(
        @TargetAggregateIdentifier String positionId,
        String asset,
        PositionMode mode,
        BigDecimal markPrice,
        PriceSource source,
        Instant priceTime) {

    public static ApplyMarkPrice of(String asset, PositionMode mode, BigDecimal markPrice, PriceSource source,
                                    Instant priceTime) {
        return new ApplyMarkPrice(PositionId.of(asset, mode), asset, mode, markPrice, source, priceTime);
    }
}
