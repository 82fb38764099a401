package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Apply a funding settlement (an execution whose {@code execType} is {@code Funding}): realized PnL only.
 *
 * @param amount funding paid (Bybit's {@code execFee}); negative when received
 */
public record ApplyFunding(
        @TargetAggregateIdentifier String positionId,
        String asset,
        PositionMode mode,
        Integer positionIdx,
        String execId,
        BigDecimal amount,
        Instant executedAt) {

    public static ApplyFunding of(String asset, PositionMode mode, Integer positionIdx, String execId,
                                  BigDecimal amount, Instant executedAt) {
        return new ApplyFunding(PositionId.of(asset, mode), asset, mode, positionIdx, execId, amount, executedAt);
    }
}
