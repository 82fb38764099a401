package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A funding or settlement execution ({@code Funding}, {@code Settle}): it changes realized PnL, never size.
 *
 * @param amount  funding paid; negative when received
 * @param seq     the exchange's cross sequence of the execution, null when the message had none
 * @param covered whether the exchange's latest report already contains it (then not added again)
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
        Long seq,
        boolean covered,
        PositionFigures position) implements PositionEvent, CarriesPositionFigures, RecordsExecution {

    @Override
    public Instant occurredAt() {
        return executedAt;
    }

    @Override
    public String fillId() {
        return execId;
    }

    @Override
    public String orderId() {
        return null;
    }
}
