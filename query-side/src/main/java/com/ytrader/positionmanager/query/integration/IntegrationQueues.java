package com.ytrader.positionmanager.query.integration;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares the durable integration-event queues, bounded: nobody may be consuming them, and a broker that fills
 * up blocks every publisher. On RabbitMQ each queue gets {@code x-max-length} and/or {@code x-message-ttl} with
 * {@code x-overflow=drop-head} (the oldest messages go first). Other brokers (the embedded Qpid broker) refuse
 * RabbitMQ-only arguments, so there the queues are declared without them. A queue that already exists with other
 * arguments cannot be redeclared (RabbitMQ answers PRECONDITION_FAILED): it is used as it is, with a warning that
 * says how to bound it.
 *
 * <p>Declared whenever a connection is made, like Spring AMQP's own declarations.
 */
final class IntegrationQueues implements ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(IntegrationQueues.class);
    private static final int PRECONDITION_FAILED = 406;

    private final List<String> queues;
    private final Map<String, Object> bounds;

    /**
     * @param maxLength  messages a queue keeps at most; 0: no bound
     * @param messageTtl how long a message is kept at most; zero: no bound
     */
    IntegrationQueues(List<String> queues, long maxLength, Duration messageTtl) {
        this.queues = List.copyOf(queues);
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (maxLength > 0) {
            arguments.put("x-max-length", maxLength);
        }
        if (!messageTtl.isZero() && !messageTtl.isNegative()) {
            arguments.put("x-message-ttl", messageTtl.toMillis());
        }
        if (!arguments.isEmpty()) {
            arguments.put("x-overflow", "drop-head");
        }
        this.bounds = Collections.unmodifiableMap(arguments);
    }

    Map<String, Object> bounds() {
        return bounds;
    }

    @Override
    public void onCreate(Connection connection) {
        boolean rabbitMq = "RabbitMQ".equals(String.valueOf(
                connection.getDelegate().getServerProperties().get("product")));
        if (!rabbitMq && !bounds.isEmpty()) {
            log.info("The broker is not RabbitMQ: the integration-event queues are declared without bounds {}",
                    bounds);
        }
        for (String queue : queues) {
            try {
                declare(connection, queue, rabbitMq ? bounds : Map.of());
            } catch (RuntimeException e) {
                // publishing to it fails and is retried by the integration-events processor until it exists
                log.error("Cannot declare integration-event queue {}: {}", queue, e.toString());
            }
        }
    }

    private static void declare(Connection connection, String queue, Map<String, Object> arguments) {
        try (Channel channel = connection.createChannel(false)) {
            channel.queueDeclare(queue, true, false, false, arguments);
        } catch (IOException | TimeoutException e) {
            if (!preconditionFailed(e)) {
                throw new IllegalStateException("cannot declare queue " + queue, e);
            }
            log.warn("Queue {} exists with other arguments than {}: it is used as it is, unbounded unless a "
                    + "policy bounds it. To bound it, delete it (it is declared again) or apply a RabbitMQ "
                    + "policy with max-length / message-ttl. ({})", queue, arguments, e.getCause() == null
                    ? e.getMessage() : e.getCause().getMessage());
            declarePassively(connection, queue);
        }
    }

    private static void declarePassively(Connection connection, String queue) {
        try (Channel channel = connection.createChannel(false)) {
            channel.queueDeclarePassive(queue);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("queue " + queue + " is not usable", e);
        }
    }

    private static boolean preconditionFailed(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal
                    && signal.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == PRECONDITION_FAILED) {
                return true;
            }
        }
        return false;
    }
}
