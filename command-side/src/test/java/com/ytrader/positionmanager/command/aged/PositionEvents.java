package com.ytrader.positionmanager.command.aged;

import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FillRelationship;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The position's events as the saga sees them, for one one-way position of one lifecycle. */
final class PositionEvents {

    static final String ASSET = "BTCUSDT";
    static final String POSITION_ID = PositionId.of(ASSET, PositionMode.ONE_WAY);

    private final int lifecycle;
    private final Instant openedAt;
    private BigDecimal size;
    private BigDecimal entryPrice;
    private BigDecimal markPrice;
    private int fills;

    PositionEvents(int lifecycle, Instant openedAt) {
        this.lifecycle = lifecycle;
        this.openedAt = openedAt;
    }

    PositionOpened opened(String signedSize, String entry) {
        size = new BigDecimal(signedSize);
        entryPrice = new BigDecimal(entry);
        return new PositionOpened(POSITION_ID, ASSET, PositionMode.ONE_WAY, lifecycle, openedAt, List.of(leg()));
    }

    /** The opening fill, or one that adds to the position: the new size at the new entry price. */
    FillApplied filled(String signedSize, String entry, String price, Instant at) {
        BigDecimal before = size;
        size = new BigDecimal(signedSize);
        entryPrice = new BigDecimal(entry);
        return fill(size.subtract(before), new BigDecimal(price), at, figures(lifecycle));
    }

    /** The fill that makes the position flat. */
    FillApplied flattened(String price, Instant at) {
        BigDecimal before = size;
        size = BigDecimal.ZERO;
        entryPrice = null;
        return fill(before.negate(), new BigDecimal(price), at, figures(lifecycle));
    }

    /** A fill through zero: what it leaves belongs to the next lifecycle. */
    FillApplied flipped(String signedSizeAfter, String price, Instant at) {
        BigDecimal before = size;
        size = new BigDecimal(signedSizeAfter);
        entryPrice = new BigDecimal(price);
        return fill(size.subtract(before), new BigDecimal(price), at, figures(lifecycle + 1));
    }

    MarkPriceUpdated marked(String price, Instant at) {
        markPrice = new BigDecimal(price);
        return new MarkPriceUpdated(POSITION_ID, ASSET, PositionMode.ONE_WAY, markPrice, PriceSource.WEBSOCKET, at,
                figures(lifecycle));
    }

    ExchangeReportApplied reported(String price, String trailingStop, Instant at) {
        markPrice = new BigDecimal(price);
        return new ExchangeReportApplied(POSITION_ID, ASSET, PositionMode.ONE_WAY, 0, 1, at, size, entryPrice,
                markPrice, null, null, false, false, size, null, figures(lifecycle), new BigDecimal(trailingStop));
    }

    PositionClosed closed(Instant at) {
        return new PositionClosed(POSITION_ID, ASSET, PositionMode.ONE_WAY, lifecycle(lifecycle, at));
    }

    private FillApplied fill(BigDecimal delta, BigDecimal price, Instant at, PositionFigures after) {
        fills++;
        Side side = delta.signum() > 0 ? Side.BUY : Side.SELL;
        return new FillApplied(POSITION_ID, ASSET, PositionMode.ONE_WAY, 0, "fill-" + lifecycle + "-" + fills,
                "order-" + fills, side, delta.abs(), price, BigDecimal.ZERO, at, FillRelationship.OPENED, delta,
                BigDecimal.ZERO, null, null, null, false, null, after);
    }

    private LegFigures leg() {
        return new LegFigures(0, size, entryPrice, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private PositionFigures figures(int lifecycleNumber) {
        return new PositionFigures(List.of(leg()), markPrice, BigDecimal.ZERO, fills,
                lifecycle(lifecycleNumber, null));
    }

    private LifecycleFigures lifecycle(int number, Instant closedAt) {
        return new LifecycleFigures(number, openedAt, closedAt, size.abs(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, fills, null);
    }
}
