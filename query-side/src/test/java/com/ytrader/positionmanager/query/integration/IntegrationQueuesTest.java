package com.ytrader.positionmanager.query.integration;

import com.ytrader.positionmanager.infrastructure.EmbeddedBrokerForTests;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration-event queues are bounded on RabbitMQ (the oldest messages dropped first), declared plainly on a
 * broker that refuses RabbitMQ's arguments, and an existing queue declared otherwise is used as it is.
 */
class IntegrationQueuesTest extends QuerySideTest {

    @Autowired
    private ConnectionFactory rabbitMq;
    @Autowired
    private IntegrationQueues declared;

    @Test
    void the_service_declares_its_integration_queues_with_the_configured_bounds() {
        assertThat(declared.bounds()).containsEntry("x-max-length", 100_000L)
                .containsEntry("x-message-ttl", Duration.ofHours(24).toMillis())
                .containsEntry("x-overflow", "drop-head");
    }

    @Test
    void a_bounded_queue_on_rabbitmq_keeps_the_newest_messages_up_to_its_max_length() {
        String queue = "it.bounded." + UUID.randomUUID();
        IntegrationQueues queues = new IntegrationQueues(List.of(queue), 5, Duration.ZERO);
        try (Connection connection = rabbitMq.createConnection()) {
            queues.onCreate(connection);
        }
        RabbitTemplate rabbit = new RabbitTemplate(rabbitMq);
        publishConfirmed(rabbit, queue, 12);
        List<String> kept = new ArrayList<>();
        for (Message message = rabbit.receive(queue); message != null; message = rabbit.receive(queue)) {
            kept.add(new String(message.getBody(), StandardCharsets.UTF_8));
        }
        assertThat(kept).containsExactly("m7", "m8", "m9", "m10", "m11");
        new RabbitAdmin(rabbitMq).deleteQueue(queue);
    }

    @Test
    void a_queue_that_exists_without_the_bounds_is_used_as_it_is_instead_of_failing() {
        String queue = "it.unbounded." + UUID.randomUUID();
        RabbitAdmin admin = new RabbitAdmin(rabbitMq);
        admin.declareQueue(new Queue(queue, true, false, false));
        IntegrationQueues queues = new IntegrationQueues(List.of(queue), 5, Duration.ofMinutes(1));
        try (Connection connection = rabbitMq.createConnection()) {
            queues.onCreate(connection);
        }
        publishConfirmed(new RabbitTemplate(rabbitMq), queue, 8);
        Properties properties = admin.getQueueProperties(queue);
        assertThat(((Number) properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).intValue()).isEqualTo(8);
        admin.deleteQueue(queue);
    }

    @Test
    void on_the_embedded_qpid_broker_the_queues_are_declared_without_rabbitmq_arguments_and_the_connection_survives() {
        CachingConnectionFactory qpid = new CachingConnectionFactory("127.0.0.1", EmbeddedBrokerForTests.port());
        qpid.setUsername(EmbeddedBrokerForTests.USER);
        qpid.setPassword(EmbeddedBrokerForTests.PASSWORD);
        try {
            String queue = "it.qpid." + UUID.randomUUID();
            IntegrationQueues queues = new IntegrationQueues(List.of(queue), 5, Duration.ofMinutes(1));
            Connection connection = qpid.createConnection();
            queues.onCreate(connection);
            assertThat(connection.isOpen()).isTrue();
            RabbitTemplate rabbit = new RabbitTemplate(qpid);
            rabbit.send("", queue, message("on qpid"));
            assertThat(rabbit.receive(queue, 5_000)).isNotNull();
        } finally {
            qpid.destroy();
        }
    }

    /** When this returns, the broker has enqueued (or dropped) every message. */
    private static void publishConfirmed(RabbitTemplate rabbit, String queue, int count) {
        rabbit.invoke(operations -> {
            for (int i = 0; i < count; i++) {
                operations.send("", queue, message("m" + i));
            }
            operations.waitForConfirmsOrDie(10_000);
            return null;
        });
    }

    private static Message message(String body) {
        return MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8)).build();
    }
}
