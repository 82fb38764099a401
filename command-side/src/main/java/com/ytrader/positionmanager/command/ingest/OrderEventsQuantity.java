package com.ytrader.positionmanager.command.ingest;

/** What {@code filled_quantity} of an order event means ({@code POSITION_MANAGER_ORDER_EVENTS_QUANTITY}). */
public enum OrderEventsQuantity {
    /** The order's cumulative filled quantity, with its average price and cumulative fees (the default). */
    CUMULATIVE,
    /** One execution's quantity, price and fee. */
    EXECUTION
}
