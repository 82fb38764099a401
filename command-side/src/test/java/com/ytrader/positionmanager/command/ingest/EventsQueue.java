package com.ytrader.positionmanager.command.ingest;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A consumer of {@code position-manager.events} as another service would be: its own queue bound to every
 * routing key, keeping only the events of the positions under test and deduplicating on {@code axon-message-id}.
 */
final class EventsQueue implements AutoCloseable {

    static final String EXCHANGE = "position-manager.events";

    private final RabbitAdmin admin;
    private final RabbitTemplate rabbit;
    private final String queue = "it.fanout." + UUID.randomUUID();
    private final Set<String> positionIds;
    final List<Message> received = new ArrayList<>();
    final Map<String, Message> deduplicated = new LinkedHashMap<>();

    EventsQueue(ConnectionFactory connectionFactory, Set<String> positionIds) {
        this.admin = new RabbitAdmin(connectionFactory);
        this.rabbit = new RabbitTemplate(connectionFactory);
        this.positionIds = positionIds;
        TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
        Queue bound = new Queue(queue, false, false, false);
        admin.declareExchange(exchange);
        admin.declareQueue(bound);
        admin.declareBinding(BindingBuilder.bind(bound).to(exchange).with("#"));
    }

    /** Takes what has arrived so far. */
    void poll() {
        for (Message message = rabbit.receive(queue); message != null; message = rabbit.receive(queue)) {
            Object aggregate = message.getMessageProperties().getHeaders().get("axon-message-aggregate-id");
            if (aggregate != null && positionIds.contains(aggregate.toString())) {
                received.add(message);
                deduplicated.putIfAbsent(header(message, "axon-message-id"), message);
            }
        }
    }

    static String header(Message message, String name) {
        Object value = message.getMessageProperties().getHeaders().get(name);
        return value == null ? null : value.toString();
    }

    @Override
    public void close() {
        admin.deleteQueue(queue);
    }
}
