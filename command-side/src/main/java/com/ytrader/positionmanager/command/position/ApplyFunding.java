package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Apply a funding or settlement execution ({@code execType} {@code Funding} or {@code Settle}): realized PnL only.
 *
 * @param amount funding paid (Bybit's {@code execFee}); negative when received
 * @param seq    the exchange's cross sequence of the execution, null when unknown
 */
public record ApplyFunding(
        @TargetAggregateIdentifier String positionId,
        String asset,
        PositionMode mode,
        Integer positionIdx,
        String execId,
        BigDecimal amount,
        Instant executedAt,
        Long seq) {

    public static ApplyFunding of(String asset, PositionMode mode, Integer positionIdx, String execId,
                                  BigDecimal amount, Instant executedAt) {
        return of(asset, mode, positionIdx, execId, amount, executedAt, null);
    }

    public static ApplyFunding of(String asset, PositionMode mode, Integer positionIdx, String execId,
                                  BigDecimal amount, Instant executedAt, Long seq) {
        return new ApplyFunding(PositionId.of(asset, mode), asset, mode, positionIdx, execId, amount, executedAt, seq);
    }

    ExecutionStamp stamp() {
        return new ExecutionStamp(seq, executedAt);
    }
}
