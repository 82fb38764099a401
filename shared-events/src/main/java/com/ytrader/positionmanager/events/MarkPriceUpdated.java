package com.ytrader.positionmanager.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A newer mark price of the position's symbol (a ticker from the gateway, or a price fetched from the exchange's
 * REST API): the open legs' unrealized PnL is recomputed at it.
 *
 * @param source    where the price came from
 * @param priceTime when the exchange quoted the price
 */
@Revision("1")
public record MarkPriceUpdated(
        String positionId,
        String asset,
        PositionMode mode,
        BigDecimal markPrice,
        PriceSource source,
        Instant priceTime,
        PositionFigures position) implements PositionEvent, CarriesPositionFigures {

    @Override
    public Instant occurredAt() {
        return priceTime;
    }
}
