package com.ytrader.positionmanager.events;

/**
 * An event that records one execution of the exchange: the execution's fill id identifies it for ever (the event
 * store refuses a second recording of it), and its order links it to the order manager's order.
 */
public interface RecordsExecution {

    /** The exchange's {@code execId}, or {@code order_id:cumulative quantity} without one. */
    String fillId();

    /** The order the execution belongs to; null for funding and settlements, which have none. */
    String orderId();
}
