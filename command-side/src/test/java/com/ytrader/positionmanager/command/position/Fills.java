package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Commands as the domain tests write them: {@code buy("1.5", "50000")}. */
final class Fills {

    static final String ASSET = "BTCUSDT";
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    /** A report time after every fill of a test: such a report covers them all (fills carry no seq here). */
    static final Instant AFTER_THE_FILLS = T0.plus(Duration.ofDays(1));

    private static int sequence;

    private Fills() {
    }

    static ApplyFill buy(String quantity, String price) {
        return fill(Side.BUY, quantity, price, "0", PositionMode.ONE_WAY, null);
    }

    static ApplyFill sell(String quantity, String price) {
        return fill(Side.SELL, quantity, price, "0", PositionMode.ONE_WAY, null);
    }

    static ApplyFill buy(String quantity, String price, String fee) {
        return fill(Side.BUY, quantity, price, fee, PositionMode.ONE_WAY, null);
    }

    static ApplyFill sell(String quantity, String price, String fee) {
        return fill(Side.SELL, quantity, price, fee, PositionMode.ONE_WAY, null);
    }

    static ApplyFill hedge(Side side, int leg, String quantity, String price) {
        return fill(side, quantity, price, "0", PositionMode.HEDGE, leg);
    }

    static ApplyFill fill(Side side, String quantity, String price, String fee, PositionMode mode, Integer leg) {
        int n = ++sequence;
        return ApplyFill.of(ASSET, mode, leg, "exec-" + n, "order-" + n, side, new BigDecimal(quantity),
                new BigDecimal(price), new BigDecimal(fee), T0.plusSeconds(n));
    }

    /** The same execution with the exchange's cross sequence {@code seq}. */
    static ApplyFill seq(long seq, ApplyFill fill) {
        return new ApplyFill(fill.positionId(), fill.asset(), fill.mode(), fill.positionIdx(), fill.fillId(),
                fill.orderId(), fill.side(), fill.quantity(), fill.price(), fill.fee(), fill.executedAt(), seq,
                fill.feeCurrency(), fill.closeReason());
    }

    /** The same execution as one of order {@code orderId}. */
    static ApplyFill ofOrder(String orderId, ApplyFill fill) {
        return new ApplyFill(fill.positionId(), fill.asset(), fill.mode(), fill.positionIdx(), fill.fillId(), orderId,
                fill.side(), fill.quantity(), fill.price(), fill.fee(), fill.executedAt(), fill.seq(),
                fill.feeCurrency(), fill.closeReason());
    }

    /** The same execution, moved by the exchange itself for {@code reason}. */
    static ApplyFill movedByTheExchange(CloseReason reason, ApplyFill fill) {
        return new ApplyFill(fill.positionId(), fill.asset(), fill.mode(), fill.positionIdx(), fill.fillId(),
                fill.orderId(), fill.side(), fill.quantity(), fill.price(), fill.fee(), fill.executedAt(), fill.seq(),
                fill.feeCurrency(), reason);
    }

    /** The same execution with its fee paid in {@code currency}. */
    static ApplyFill feeIn(String currency, ApplyFill fill) {
        return new ApplyFill(fill.positionId(), fill.asset(), fill.mode(), fill.positionIdx(), fill.fillId(),
                fill.orderId(), fill.side(), fill.quantity(), fill.price(), fill.fee(), fill.executedAt(), fill.seq(),
                currency, fill.closeReason());
    }

    /** A funding execution of {@code amount} (paid when positive) with cross sequence {@code seq}. */
    static ApplyFunding funding(long seq, String amount) {
        int n = ++sequence;
        return ApplyFunding.of(ASSET, PositionMode.ONE_WAY, null, "funding-" + n, new BigDecimal(amount),
                T0.plusSeconds(n), seq);
    }

    /** An order's cumulative state: {@code filled} so far at {@code averagePrice}, {@code fees} so far. */
    static ApplyOrderState orderState(String orderId, Side side, String filled, String averagePrice, String fees) {
        int n = ++sequence;
        return ApplyOrderState.of(ASSET, PositionMode.ONE_WAY, null, orderId, side, new BigDecimal(filled),
                new BigDecimal(averagePrice), new BigDecimal(fees), T0.plusSeconds(n));
    }

    static ApplyFill withFillId(ApplyFill fill, String fillId) {
        return new ApplyFill(fill.positionId(), fill.asset(), fill.mode(), fill.positionIdx(), fillId, fill.orderId(),
                fill.side(), fill.quantity(), fill.price(), fill.fee(), fill.executedAt(), fill.seq(), fill.feeCurrency(),
                fill.closeReason());
    }

    static ApplyFill at(ApplyFill fill, Instant executedAt) {
        return new ApplyFill(fill.positionId(), fill.asset(), fill.mode(), fill.positionIdx(), fill.fillId(),
                fill.orderId(), fill.side(), fill.quantity(), fill.price(), fill.fee(), executedAt, fill.seq(),
                fill.feeCurrency(), fill.closeReason());
    }

    /** A one-way exchange report with the given signed size, entry, mark and PnL. */
    static ReportExchangePosition report(long seq, Instant updatedTime, String size, String entry, String mark,
                                         String unrealized, String realized) {
        return ReportExchangePosition.of(ASSET, PositionMode.ONE_WAY, 0, new BigDecimal(size),
                entry == null ? null : new BigDecimal(entry), new BigDecimal(mark), new BigDecimal(unrealized),
                new BigDecimal(realized), seq, updatedTime);
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
