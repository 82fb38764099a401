package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.PositionFigures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** The command-side application started in this JVM on queues of its own, with helpers to drive it over AMQP. */
public final class IngestApp implements AutoCloseable {

    public final TestQueues queues;
    public final ConfigurableApplicationContext context;
    final RabbitTemplate rabbit;

    private IngestApp(TestQueues queues, ConfigurableApplicationContext context) {
        this.queues = queues;
        this.context = context;
        this.rabbit = new RabbitTemplate(context.getBean(ConnectionFactory.class));
    }

    public static IngestApp start(TestQueues queues, String... extraArguments) {
        List<String> arguments = new ArrayList<>(queues.arguments());
        arguments.add("--server.port=0");
        arguments.addAll(List.of(extraArguments));
        return new IngestApp(queues, new SpringApplicationBuilder(CommandSideApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    /** Publishes with publisher confirms: when this returns, the broker holds every message. */
    public void publish(String queue, List<Message> messages) {
        rabbit.invoke(operations -> {
            messages.forEach(message -> operations.send("", queue, message));
            operations.waitForConfirmsOrDie(30_000);
            return null;
        });
    }

    public static Message json(String messageId, String body) {
        return MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setMessageId(messageId)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
    }

    public long messageCount(String queue) {
        Properties properties = new RabbitAdmin(rabbit.getConnectionFactory()).getQueueProperties(queue);
        return properties == null ? 0 : ((Number) properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue();
    }

    /** Declares an inbound queue as the service does, for tests that publish before any consumer runs. */
    public void declare(String queue) {
        new RabbitAdmin(rabbit.getConnectionFactory()).declareQueue(new Queue(queue, true, false, false));
    }

    public long consumerCount(String queue) {
        Properties properties = new RabbitAdmin(rabbit.getConnectionFactory()).getQueueProperties(queue);
        return properties == null ? 0 : ((Number) properties.get(RabbitAdmin.QUEUE_CONSUMER_COUNT)).longValue();
    }

    List<Message> drain(String queue) {
        List<Message> drained = new ArrayList<>();
        for (Message message = rabbit.receive(queue); message != null; message = rabbit.receive(queue)) {
            drained.add(message);
        }
        return drained;
    }

    double ingested(String queue, IngestOutcome outcome) {
        Counter counter = context.getBean(MeterRegistry.class).find(IngestMetrics.MESSAGES)
                .tag("queue", queue).tag("outcome", outcome.tag()).counter();
        return counter == null ? 0 : counter.count();
    }

    Map<IngestOutcome, Double> outcomes(String queue) {
        Map<IngestOutcome, Double> outcomes = new EnumMap<>(IngestOutcome.class);
        for (IngestOutcome outcome : IngestOutcome.values()) {
            outcomes.put(outcome, ingested(queue, outcome));
        }
        return outcomes;
    }

    double ingested(String queue) {
        double total = 0;
        for (IngestOutcome outcome : IngestOutcome.values()) {
            total += ingested(queue, outcome);
        }
        return total;
    }

    /** Every event of the position from its first: never an aggregate snapshot in their place. */
    public List<? extends DomainEventMessage<?>> events(String positionId) {
        return context.getBean(EventStore.class).readEvents(positionId, 0).asStream().toList();
    }

    PositionFigures figures(String positionId) {
        PositionFigures last = null;
        for (DomainEventMessage<?> event : events(positionId)) {
            Object payload = event.getPayload();
            if (payload instanceof FillApplied fill) {
                last = fill.position();
            } else if (payload instanceof FundingApplied funding) {
                last = funding.position();
            } else if (payload instanceof ExchangeReportApplied report) {
                last = report.position();
            }
        }
        return last;
    }

    @Override
    public void close() {
        context.close();
    }

    /** Inbound queue names unique to one test, so that parallel runs and earlier leftovers cannot interfere. */
    public record TestQueues(String orderExecuted, String orderEvents, String wsPosition, String ticker) {

        public static TestQueues unique(String testName) {
            String prefix = "it." + testName + "." + UUID.randomUUID().toString().substring(0, 8) + ".";
            return new TestQueues(prefix + "order-manager.order_executed", prefix + "order-manager.order_events",
                    prefix + "ws-gateway.position", prefix + "ws-gateway.ticker");
        }

        public List<String> arguments() {
            return List.of("--position-manager.ingest.queues.order-executed=" + orderExecuted,
                    "--position-manager.ingest.queues.order-events=" + orderEvents,
                    "--position-manager.ingest.queues.ws-position=" + wsPosition,
                    "--position-manager.ingest.queues.ticker=" + ticker);
        }

        /** The queues of the batch ingest: fills, order events, position reports. */
        public List<String> all() {
            return List.of(orderExecuted, orderEvents, wsPosition);
        }
    }
}
