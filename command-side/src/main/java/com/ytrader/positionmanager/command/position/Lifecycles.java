package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.LifecycleFigures;

import java.math.BigDecimal;
import java.time.Instant;

/** How a change moves the figures of the current lifecycle. */
final class Lifecycles {

    private Lifecycles() {
    }

    static LifecycleFigures open(LifecycleFigures previous, Instant at) {
        return new LifecycleFigures(previous.number() + 1, at, null, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, null);
    }

    /** Records one fill's part in a lifecycle: what it closed, at which price, what it realized and paid. */
    static LifecycleFigures fill(LifecycleFigures lifecycle, BigDecimal closedQuantity, BigDecimal price,
                                 BigDecimal realizedPnl, BigDecimal fee, BigDecimal grossSizeAfter) {
        return new LifecycleFigures(lifecycle.number(), lifecycle.openedAt(), lifecycle.closedAt(),
                lifecycle.peakSize().max(grossSizeAfter),
                lifecycle.exitQuantity().add(closedQuantity),
                lifecycle.exitNotional().add(closedQuantity.multiply(price)),
                lifecycle.realizedPnl().add(realizedPnl),
                lifecycle.fees().add(fee),
                lifecycle.fillCount() + 1,
                lifecycle.closeReason());
    }

    static LifecycleFigures adjust(LifecycleFigures lifecycle, BigDecimal realizedPnl, BigDecimal grossSizeAfter) {
        return new LifecycleFigures(lifecycle.number(), lifecycle.openedAt(), lifecycle.closedAt(),
                lifecycle.peakSize().max(grossSizeAfter), lifecycle.exitQuantity(), lifecycle.exitNotional(),
                lifecycle.realizedPnl().add(realizedPnl), lifecycle.fees(), lifecycle.fillCount(),
                lifecycle.closeReason());
    }

    static LifecycleFigures close(LifecycleFigures lifecycle, Instant at) {
        return close(lifecycle, at, null);
    }

    /** @param reason why the exchange closed it without our order, null for an ordinary close */
    static LifecycleFigures close(LifecycleFigures lifecycle, Instant at, CloseReason reason) {
        return new LifecycleFigures(lifecycle.number(), lifecycle.openedAt(), at, lifecycle.peakSize(),
                lifecycle.exitQuantity(), lifecycle.exitNotional(), lifecycle.realizedPnl(), lifecycle.fees(),
                lifecycle.fillCount(), reason);
    }
}
