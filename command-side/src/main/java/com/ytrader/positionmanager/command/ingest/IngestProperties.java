package com.ytrader.positionmanager.command.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the AMQP ingest ({@code position-manager.ingest.*}, or {@code POSITION_MANAGER_INGEST_*}).
 *
 * @param batchSize      deliveries applied in one transaction; a batch is acknowledged after it commits
 * @param prefetch       unacknowledged deliveries per consumer; at least {@code batchSize}
 * @param concurrency    consumers per queue; more than one gives up the per-asset order of the queue
 * @param receiveTimeout how long a consumer waits to fill a batch before it applies what it has
 * @param maxBodyBytes   larger bodies are dead-lettered unread
 * @param orderEventsQuantity what an order event's {@code filled_quantity} means: the order's cumulative quantity
 *                       or one execution's
 */
@ConfigurationProperties("position-manager.ingest")
public record IngestProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Queues queues,
        @DefaultValue("position-manager.dlx") String deadLetterExchange,
        @DefaultValue("200") int batchSize,
        @DefaultValue("1000") int prefetch,
        @DefaultValue("1") int concurrency,
        @DefaultValue("1ms") Duration receiveTimeout,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("100ms") Duration retryInitialBackoff,
        @DefaultValue("5s") Duration retryMaxBackoff,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("cumulative") OrderEventsQuantity orderEventsQuantity) {

    public record Queues(
            @DefaultValue("order-manager.order_executed") String orderExecuted,
            @DefaultValue("order-manager.order_events") String orderEvents,
            @DefaultValue("ws-gateway.position") String wsPosition,
            @DefaultValue("ws-gateway.ticker") String ticker) {
    }

    /** The dead-letter queue of an inbound queue, bound to the dead-letter exchange by the queue's name. */
    public static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }
}
