package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A machine with only a JDK: forced embedded infrastructure (Qpid Broker-J, zonky PostgreSQL) runs the same
 * ingest, topology and service-side dead-lettering as RabbitMQ does.
 */
class IngestOnEmbeddedBrokerTest {

    @Test
    void the_ingest_applies_fills_and_dead_letters_poison_on_the_embedded_qpid_broker() {
        IngestApp.TestQueues queues = IngestApp.TestQueues.unique("embedded");
        String asset = "Q" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        try (IngestApp app = IngestApp.start(queues, "--position-manager.infrastructure=embedded")) {
            assertThat(app.context.getEnvironment().getProperty("spring.rabbitmq.port", Integer.class))
                    .isNotEqualTo(5672);
            app.publish(queues.orderExecuted(), List.of(
                    IngestApp.json("q1", """
                            {"order_id":"q1","asset":"%s","side":"Buy","filled_quantity":"1","execution_price":"10",
                             "exec_id":"q-e1"}""".formatted(asset)),
                    IngestApp.json("q2", "not json"),
                    IngestApp.json("q3", """
                            {"order_id":"q3","asset":"%s","side":"Buy","filled_quantity":"2","execution_price":"13",
                             "exec_id":"q-e3"}""".formatted(asset))));
            await().atMost(Duration.ofSeconds(30)).until(() -> app.ingested(queues.orderExecuted()) >= 3);
            assertThat(app.figures(PositionId.of(asset, PositionMode.ONE_WAY)).size()).isEqualByComparingTo("3");
            assertThat(app.drain(IngestProperties.deadLetterQueue(queues.orderExecuted())))
                    .singleElement().satisfies(deadLetter -> assertThat(deadLetter.getMessageProperties()
                            .getHeaders().get(DeadLetterPublisher.REASON).toString()).startsWith("not JSON"));
        }
    }
}
