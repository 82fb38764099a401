package com.ytrader.positionmanager.messaging;

import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real AMQP broker (RabbitMQ, else the embedded one), found as the README says. */
@SpringBootTest(classes = RabbitAutoConfiguration.class, properties = {
        "spring.rabbitmq.publisher-confirm-type=simple", "POSTGRES_DB=pm_messaging_test"})
class ConfirmedPublisherTest {

    @Autowired
    private RabbitTemplate rabbit;
    private RabbitAdmin admin;
    private String queue;
    private ConfirmedPublisher publisher;

    @BeforeEach
    void declareQueue() {
        admin = new RabbitAdmin(rabbit);
        queue = admin.declareQueue(new Queue("messaging-test-" + UUID.randomUUID(), false, false, false));
        publisher = new ConfirmedPublisher(rabbit, Duration.ofSeconds(5));
    }

    @AfterEach
    void deleteQueue() {
        admin.deleteQueue(queue);
    }

    private static Message text(String body) {
        return MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    private List<String> received() {
        List<String> bodies = new ArrayList<>();
        Message message;
        while ((message = rabbit.receive(queue, 1000)) != null) {
            bodies.add(new String(message.getBody(), StandardCharsets.UTF_8));
        }
        return bodies;
    }

    @Test
    void a_group_published_and_confirmed_is_on_the_queue_in_order() {
        publisher.publish((operations, channel) -> {
            operations.send("", queue, text("one"));
            channel.basicPublish("", queue, null, "two".getBytes(StandardCharsets.UTF_8));
            operations.send("", queue, text("three"));
        });

        assertThat(received()).containsExactly("one", "two", "three");
    }

    @Test
    void a_publish_the_broker_refuses_fails_the_group_and_its_channel_is_not_reused() {
        assertThatThrownBy(() -> publisher.publish((operations, channel) ->
                operations.send("no-such-exchange-" + queue, "key", text("refused"))))
                .isInstanceOf(AmqpException.class);

        publisher.publish((operations, channel) -> operations.send("", queue, text("after")));

        assertThat(received()).containsExactly("after");
    }

    @Test
    void a_refused_publish_fails_the_group_also_when_the_broker_closed_the_channel_before_the_wait() {
        assertThatThrownBy(() -> publisher.publish((operations, channel) -> {
            operations.send("no-such-exchange-" + queue, "key", text("refused"));
            Channel target = ((ChannelProxy) channel).getTargetChannel();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (target.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(target.isOpen()).as("the broker closed the channel").isFalse();
        })).isInstanceOf(AmqpException.class);
    }
}
