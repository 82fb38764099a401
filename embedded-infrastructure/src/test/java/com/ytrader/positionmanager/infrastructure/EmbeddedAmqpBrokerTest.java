package com.ytrader.positionmanager.infrastructure;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fallback broker of a machine without RabbitMQ, reached through the same resolution as the apps use. */
class EmbeddedAmqpBrokerTest {

    @Test
    void forced_embedded_mode_starts_a_qpid_broker_that_round_trips_persistent_confirmed_messages() throws Exception {
        RabbitLocator.Location broker = RabbitLocator.locate(InfrastructureMode.EMBEDDED,
                Settings.from(new MockEnvironment()));
        assertThat(broker.description()).contains("Qpid");
        assertThat(broker.port()).isPositive().isNotEqualTo(5672);

        try (Connection connection = connect(broker); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.queueDeclare("embedded-roundtrip", true, false, false, null);
            for (int i = 0; i < 100; i++) {
                channel.basicPublish("", "embedded-roundtrip", new AMQP.BasicProperties.Builder()
                        .deliveryMode(2).messageId("m" + i).build(), ("fill " + i).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(5_000);
            for (int i = 0; i < 100; i++) {
                GetResponse response = channel.basicGet("embedded-roundtrip", false);
                assertThat(response.getProps().getMessageId()).isEqualTo("m" + i);
                channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
            }
            assertThat(channel.basicGet("embedded-roundtrip", false)).isNull();
        }
    }

    @Test
    void the_embedded_broker_rejects_rabbitmq_only_queue_arguments_so_the_service_must_not_declare_them()
            throws Exception {
        RabbitLocator.Location broker = RabbitLocator.locate(InfrastructureMode.EMBEDDED,
                Settings.from(new MockEnvironment()));
        Connection connection = connect(broker);
        try {
            Channel channel = connection.createChannel();
            assertThatThrownBy(() -> channel.queueDeclare("with-dead-letter-argument", true, false, false,
                    Map.of("x-dead-letter-exchange", "somewhere")))
                    .hasStackTraceContaining("Unsupported queue declare argument(s) : x-dead-letter-exchange");
        } finally {
            connection.abort(); // the broker has closed it already
        }
    }

    @ParameterizedTest
    @EnumSource(InfrastructureMode.class)
    void an_explicit_rabbitmq_host_is_used_as_it_is_in_every_mode(InfrastructureMode mode) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("RABBITMQ_HOST", "rabbitmq.internal")
                .withProperty("RABBITMQ_PORT", "5673");
        RabbitLocator.Location broker = RabbitLocator.locate(mode, Settings.from(environment));
        assertThat(broker.host()).isEqualTo("rabbitmq.internal");
        assertThat(broker.port()).isEqualTo(5673);
        assertThat(broker.description()).contains("configured");
    }

    private static Connection connect(RabbitLocator.Location broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.user());
        factory.setPassword(broker.password());
        return factory.newConnection();
    }
}
