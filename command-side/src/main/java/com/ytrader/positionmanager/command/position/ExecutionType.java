package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.CloseReason;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an execution of the exchange does to a position, from its {@code execType} and {@code createType}: a funding
 * or settlement changes realized PnL only; every other type moves the position, and the exchange's own moves
 * (liquidation, ADL, delivery) carry their close reason. The one reading of these fields, for the order manager's
 * messages and for executions fetched from the exchange alike.
 *
 * @param closeReason set when the exchange moved the position without an order of ours
 */
public record ExecutionType(boolean settlement, CloseReason closeReason) {

    private static final Set<String> TRADES = Set.of("trade", "blocktrade", "moveposition", "futurespread",
            "corporateaction");
    private static final Set<String> SETTLEMENTS = Set.of("funding", "settle");
    private static final Map<String, CloseReason> EXCHANGE_MOVES = Map.of(
            "busttrade", CloseReason.LIQUIDATED,
            "adltrade", CloseReason.ADL,
            "delivery", CloseReason.DELIVERED);
    /** Create types of ordinary trades that the exchange placed: laddered liquidation, ADL, takeover. */
    private static final Map<String, CloseReason> EXCHANGE_CREATE_TYPES = Map.of(
            "createbyliq", CloseReason.LIQUIDATED,
            "createbyadl_passthrough", CloseReason.ADL,
            "createbytakeover_passthrough", CloseReason.LIQUIDATED);

    /**
     * @param execType   null for a trade
     * @param createType null for an order of ours
     * @throws InvalidPositionCommandException for an execution type the exchange does not have
     */
    public static ExecutionType of(String execType, String createType) {
        String type = execType == null ? "trade" : execType.toLowerCase(Locale.ROOT);
        if (SETTLEMENTS.contains(type)) {
            return new ExecutionType(true, null);
        }
        CloseReason reason = EXCHANGE_MOVES.get(type);
        if (reason == null && !TRADES.contains(type)) {
            throw new InvalidPositionCommandException("unknown exec_type '" + execType + "'");
        }
        if (reason == null && createType != null) {
            reason = EXCHANGE_CREATE_TYPES.get(createType.toLowerCase(Locale.ROOT));
        }
        return new ExecutionType(false, reason);
    }
}
