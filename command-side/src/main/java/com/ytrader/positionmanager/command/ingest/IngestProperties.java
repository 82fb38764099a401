package com.ytrader.positionmanager.command.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the AMQP ingest ({@code position-manager.ingest.*}, or {@code POSITION_MANAGER_INGEST_*}).
 *
 * @param batchSize      deliveries applied in one transaction; a batch is acknowledged after it commits
 * @param prefetch       unacknowledged deliveries per consumer; at least {@code batchSize}
 * @param concurrency    consumers per queue; more than one gives up the per-asset order of the queue (and, with one
 *                       partition, the exclusive consumer that keeps a second instance standing by)
 * @param receiveTimeout how long a consumer waits to fill a batch before it applies what it has
 * @param maxBodyBytes   larger bodies are dead-lettered unread
 * @param orderEventsQuantity what an order event's {@code filled_quantity} means: the order's cumulative quantity
 *                       or one execution's
 * @param partitions     1: each inbound queue is consumed as it is, through an exclusive consumer when
 *                       {@code concurrency} is 1 (a second instance stands by). More: the instance whose router holds an inbound
 *                       queue's exclusive consumer spreads its messages by asset over {@code <queue>.p0} ...
 *                       {@code <queue>.p<partitions-1>}, and each partition is applied by one instance at a time
 *                       (several instances; RabbitMQ only, see docs/several-instances.md). Every instance must use the
 *                       same number.
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
        @DefaultValue("cumulative") OrderEventsQuantity orderEventsQuantity,
        @DefaultValue("1") int partitions) {

    public IngestProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("position-manager.ingest.partitions must be at least 1, was " + partitions);
        }
    }

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

    /** Partition {@code partition} of an inbound queue; its messages are dead-lettered as the inbound queue's. */
    public static String partitionQueue(String queue, int partition) {
        return queue + ".p" + partition;
    }
}
