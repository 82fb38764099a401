package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.ExchangeFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/**
 * Compare an existing position with the exchange and, when asked, correct what remains different.
 *
 * @param exchangeLegs the exchange's position per leg as its REST API gave it just now (after the missing
 *                     executions were fetched and applied); empty to compare with the latest streamed reports
 */
public record ValidatePosition(@TargetAggregateIdentifier String positionId, boolean fixDiscrepancies,
                               Instant validatedAt, Map<Integer, ExchangeFigures> exchangeLegs) {

    public ValidatePosition {
        exchangeLegs = exchangeLegs == null ? Map.of() : Map.copyOf(exchangeLegs);
    }

    public static ValidatePosition of(String asset, PositionMode mode, boolean fixDiscrepancies, Instant validatedAt) {
        return new ValidatePosition(PositionId.of(asset, mode), fixDiscrepancies, validatedAt, Map.of());
    }

    public static ValidatePosition against(String asset, PositionMode mode, boolean fixDiscrepancies,
                                           Instant validatedAt, Map<Integer, ExchangeFigures> exchangeLegs) {
        return new ValidatePosition(PositionId.of(asset, mode), fixDiscrepancies, validatedAt, exchangeLegs);
    }
}
