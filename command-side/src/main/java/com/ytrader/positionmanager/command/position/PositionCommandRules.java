package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.Bounds;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a command must satisfy before the position looks at it; a violation names the field. Values are held to
 * {@link Bounds}, so that every event the position records can be stored by every read model.
 */
final class PositionCommandRules {

    private PositionCommandRules() {
    }

    static void check(ApplyFill command) {
        checkIdentity(command.asset(), command.mode());
        require(command.fillId() != null && !command.fillId().isBlank(), () -> "fill_id is required");
        storable("fill_id", command.fillId());
        storable("order_id", command.orderId());
        require(command.side() != null, () -> "side is required (Buy or Sell)");
        positive("quantity", command.quantity());
        positive("price", command.price());
        notional("quantity × price", command.quantity(), command.price());
        bounded("fee", command.fee());
        inTimeRange("executed_at", command.executedAt());
        require(command.seq() == null || command.seq() >= 0, () -> "seq must not be negative, was " + command.seq());
        storable("fee_currency", command.feeCurrency());
        legIndex(command.mode(), command.positionIdx());
    }

    static void check(ApplyOrderState command) {
        checkIdentity(command.asset(), command.mode());
        require(command.orderId() != null && !command.orderId().isBlank(), () -> "order_id is required");
        storable("order_id", command.orderId());
        require(command.side() != null, () -> "side is required (Buy or Sell)");
        positive("filled_quantity", command.filledQuantity());
        positive("execution_price", command.averagePrice());
        notional("filled_quantity × execution_price", command.filledQuantity(), command.averagePrice());
        bounded("execution_fees", command.fees());
        inTimeRange("executed_at", command.executedAt());
        legIndex(command.mode(), command.positionIdx());
    }

    static void check(ApplyFunding command) {
        checkIdentity(command.asset(), command.mode());
        require(command.execId() != null && !command.execId().isBlank(), () -> "exec_id is required");
        storable("exec_id", command.execId());
        require(command.amount() != null, () -> "funding amount is required");
        bounded("funding amount", command.amount());
        inTimeRange("executed_at", command.executedAt());
        legIndex(command.mode(), command.positionIdx());
    }

    static void check(ReportExchangePosition command) {
        checkIdentity(command.asset(), command.mode());
        legIndex(command.mode(), command.positionIdx());
        require(command.reportedSize() != null, () -> "size is required");
        bounded("size", command.reportedSize());
        if (command.positionIdx() == 1) {
            require(command.reportedSize().signum() >= 0, () -> "the long leg (positionIdx 1) cannot be short");
        }
        if (command.positionIdx() == 2) {
            require(command.reportedSize().signum() <= 0, () -> "the short leg (positionIdx 2) cannot be long");
        }
        notNegative("entry price", command.reportedEntryPrice());
        notNegative("mark price", command.markPrice());
        notional("size × entry price", command.reportedSize(), command.reportedEntryPrice());
        notional("size × mark price", command.reportedSize(), command.markPrice());
        bounded("unrealised PnL", command.unrealizedPnl());
        bounded("realised PnL", command.realizedPnl());
        require(command.seq() >= -1, () -> "seq must be -1 (never traded) or more, was " + command.seq());
        inTimeRange("updatedTime", command.updatedTime());
        notNegative("trailingStop", command.trailingStop());
        if (command.risk() != null) {
            notNegative("leverage", command.risk().leverage());
            notNegative("liqPrice", command.risk().liqPrice());
            notNegative("breakEvenPrice", command.risk().breakEvenPrice());
            notNegative("positionValue", command.risk().positionValue());
        }
    }

    static void check(ApplyMarkPrice command) {
        checkIdentity(command.asset(), command.mode());
        positive("mark price", command.markPrice());
        require(command.source() != null, () -> "price source is required");
        inTimeRange("price time", command.priceTime());
    }

    /**
     * The leg a message addresses: 0 in one-way mode (where it may be omitted), 1 or 2 in hedge mode, where
     * executions carry no {@code positionIdx} and the order manager must name the leg.
     */
    static int legIndex(PositionMode mode, Integer positionIdx) {
        if (mode == PositionMode.ONE_WAY) {
            require(positionIdx == null || positionIdx == 0,
                    () -> "position_idx must be 0 or absent in one-way mode, was " + positionIdx);
            return 0;
        }
        require(positionIdx != null,
                () -> "a hedge-mode message must name its leg: position_idx 1 (long) or 2 (short)");
        require(positionIdx == 1 || positionIdx == 2,
                () -> "position_idx must be 1 or 2 in hedge mode, was " + positionIdx);
        return positionIdx;
    }

    private static void checkIdentity(String asset, PositionMode mode) {
        require(asset != null && !asset.isBlank(), () -> "asset is required");
        require(PositionId.isValidAsset(asset),
                () -> "asset '" + asset + "' does not match " + PositionId.ASSET.pattern());
        require(mode != null, () -> "mode is required (one-way or hedge)");
    }

    private static void positive(String field, BigDecimal value) {
        require(value != null, () -> field + " is required");
        require(value.signum() > 0, () -> field + " must be positive, was " + value.toPlainString());
        bounded(field, value);
    }

    private static void notNegative(String field, BigDecimal value) {
        if (value != null) {
            require(value.signum() >= 0, () -> field + " must not be negative, was " + value.toPlainString());
            bounded(field, value);
        }
    }

    private static void bounded(String field, BigDecimal value) {
        if (value != null) {
            require(Bounds.representable(value), () -> field + " does not fit NUMERIC(38,18): " + value);
            require(Bounds.withinMagnitude(value),
                    () -> field + " is beyond " + Bounds.MAX_MAGNITUDE.toPlainString() + ": " + value.toPlainString());
        }
    }

    private static void notional(String field, BigDecimal quantity, BigDecimal price) {
        if (quantity != null && price != null) {
            require(Bounds.withinNotional(quantity, price), () -> field + " is beyond "
                    + Bounds.MAX_NOTIONAL.toPlainString() + ": " + quantity.abs().multiply(price).toPlainString());
        }
    }

    private static void storable(String field, String text) {
        if (text != null) {
            String violation = Bounds.textViolation(text);
            require(violation == null, () -> field + " " + violation);
        }
    }

    private static void inTimeRange(String field, Instant instant) {
        require(instant != null, () -> field + " is required");
        require(Bounds.withinTimeRange(instant), () -> field + " is outside " + Bounds.timeRange() + ": " + instant);
    }

    /**
     * The violation is worded only when the rule is broken: wording every message for every command (BigDecimal and
     * Instant to text) cost about 5 % of the ingest consumer's CPU (bench/ingest/RESULTS.md, 2026-12-01).
     */
    private static void require(boolean rule, Supplier<String> violation) {
        if (!rule) {
            throw new InvalidPositionCommandException(violation.get());
        }
    }
}
