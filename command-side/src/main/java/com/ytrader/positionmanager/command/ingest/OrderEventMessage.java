package com.ytrader.positionmanager.command.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * An order event of {@code order-manager.order_events}: an execution ({@code status} filled or partially
 * filled, or no status) carries the fields of {@link OrderExecutedMessage}; other statuses (new, cancelled,
 * rejected, ...) do not touch a position.
 */
record OrderEventMessage(String status, OrderExecutedMessage execution) {

    private static final Set<String> EXECUTED = Set.of("filled", "partiallyfilled");

    static OrderEventMessage read(JsonFields fields) {
        String status = fields.optionalText("status");
        boolean executed = status == null || EXECUTED.contains(status.replace("_", "").toLowerCase(Locale.ROOT));
        return new OrderEventMessage(status, executed ? OrderExecutedMessage.read(fields) : null);
    }

    boolean executed() {
        return execution != null;
    }
}
