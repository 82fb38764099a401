package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A funding settlement (an execution whose type is not {@code Trade}): it changes realized PnL, never size.
 *
 * @param amount funding paid; negative when received
 */
@Revision("1")
public record FundingApplied(
        String positionId,
        String asset,
        PositionMode mode,
        int positionIdx,
        String execId,
        BigDecimal amount,
        Instant executedAt,
        PositionFigures position) implements PositionEvent, CarriesPositionFigures {

    @Override
    public Instant occurredAt() {
        return executedAt;
    }
}
