package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Compare an existing position with the exchange's last report of each leg and, when asked, correct it.
 */
public record ValidatePosition(@TargetAggregateIdentifier String positionId, boolean fixDiscrepancies,
                               Instant validatedAt) {

    public static ValidatePosition of(String asset, PositionMode mode, boolean fixDiscrepancies, Instant validatedAt) {
        return new ValidatePosition(PositionId.of(asset, mode), fixDiscrepancies, validatedAt);
    }
}
