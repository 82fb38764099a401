package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.aged.TickerPrices;
import com.ytrader.positionmanager.messaging.ConfirmedPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The four inbound queues, their dead-letter queues, and one consumer per queue (batches, but tickers one by one).
 * Everything is declared durable, without RabbitMQ-only arguments, so the same topology works on RabbitMQ and on the
 * embedded broker. With {@code partitions > 1} ({@link PartitionedIngest}, RabbitMQ only) the batch queues are routed
 * to partition queues by asset instead of being consumed directly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
@ConditionalOnProperty(name = "position-manager.ingest.enabled", matchIfMissing = true)
class IngestConfiguration {

    @Bean
    Declarables ingestTopology(IngestProperties properties) {
        DirectExchange deadLetterExchange = new DirectExchange(properties.deadLetterExchange(), true, false);
        List<Declarable> declarables = new ArrayList<>();
        declarables.add(deadLetterExchange);
        for (String queue : inboundQueues(properties)) {
            Queue deadLetterQueue = QueueBuilder.durable(IngestProperties.deadLetterQueue(queue)).build();
            declarables.add(QueueBuilder.durable(queue).build());
            declarables.add(deadLetterQueue);
            Binding binding = BindingBuilder.bind(deadLetterQueue).to(deadLetterExchange).with(queue);
            declarables.add(binding);
        }
        if (properties.partitions() > 1) {
            for (String queue : batchQueues(properties)) {
                for (int partition = 0; partition < properties.partitions(); partition++) {
                    declarables.add(QueueBuilder.durable(IngestProperties.partitionQueue(queue, partition))
                            .singleActiveConsumer().build());
                }
            }
        }
        return new Declarables(declarables);
    }

    @Bean
    CommandBatch ingestCommandBatch(CommandBus commandBus, TransactionManager transactionManager,
                                    DataSource dataSource) {
        return new CommandBatch(commandBus, transactionManager, dataSource);
    }

    @Bean
    DeadLetterPublisher ingestDeadLetterPublisher(RabbitTemplate rabbitTemplate, IngestProperties properties) {
        return new DeadLetterPublisher(new ConfirmedPublisher(rabbitTemplate, properties.confirmTimeout()),
                properties.deadLetterExchange());
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry meterRegistry) {
        return new IngestMetrics(meterRegistry);
    }

    /**
     * One partition (the default): each batch queue consumed as it is, in its order, by one instance at a time. A
     * second instance started on the same broker is a hot standby instead of a second stream of the same assets.
     */
    @Bean
    @Conditional(SinglePartition.class)
    SimpleMessageListenerContainer orderExecutedConsumer(IngestConsumers consumers, IngestProperties properties) {
        String queue = properties.queues().orderExecuted();
        return consumers.direct(queue, translators(properties).get(queue));
    }

    @Bean
    @Conditional(SinglePartition.class)
    SimpleMessageListenerContainer orderEventsConsumer(IngestConsumers consumers, IngestProperties properties) {
        String queue = properties.queues().orderEvents();
        return consumers.direct(queue, translators(properties).get(queue));
    }

    @Bean
    @Conditional(SinglePartition.class)
    SimpleMessageListenerContainer positionReportsConsumer(IngestConsumers consumers, IngestProperties properties) {
        String queue = properties.queues().wsPosition();
        return consumers.direct(queue, translators(properties).get(queue));
    }

    /** Several instances: the batch queues routed to partitions by asset, each partition applied by one instance. */
    @Bean
    @Conditional(SeveralPartitions.class)
    PartitionedIngest partitionedIngest(IngestConsumers consumers, IngestProperties properties,
                                        RabbitTemplate rabbitTemplate) {
        ConfirmedPublisher publisher = new ConfirmedPublisher(rabbitTemplate, properties.confirmTimeout());
        int maxBodyBytes = properties.maxBodyBytes();
        Map<String, RoutingAsset> routingAssets = Map.of(
                properties.queues().orderExecuted(), RoutingAsset.orderAsset(maxBodyBytes, "order_executed"),
                properties.queues().orderEvents(), RoutingAsset.orderAsset(maxBodyBytes, "order_event"),
                properties.queues().wsPosition(), RoutingAsset.reportedSymbol(maxBodyBytes));
        AssetPartitions partitions = new AssetPartitions(properties.partitions());
        Map<String, MessageTranslator> translators = translators(properties);
        List<SimpleMessageListenerContainer> containers = new ArrayList<>();
        for (String queue : batchQueues(properties)) {
            containers.add(consumers.router(queue, new PartitionRouter(queue, routingAssets.get(queue), partitions,
                    publisher, consumers.deadLetters(), consumers.metrics(), consumers.backoff())));
            for (int partition = 0; partition < properties.partitions(); partition++) {
                containers.add(consumers.container(IngestProperties.partitionQueue(queue, partition), queue,
                        translators.get(queue)));
            }
        }
        return new PartitionedIngest(containers);
    }

    static final class SinglePartition implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return partitions(context) == 1;
        }
    }

    static final class SeveralPartitions implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return partitions(context) > 1;
        }
    }

    private static int partitions(ConditionContext context) {
        return Binder.get(context.getEnvironment()).bind("position-manager.ingest.partitions", Integer.class)
                .orElse(1);
    }

    /** What each batch queue's messages stand for, whether they come from the queue or from one of its partitions. */
    private static Map<String, MessageTranslator> translators(IngestProperties properties) {
        int maxBodyBytes = properties.maxBodyBytes();
        return Map.of(
                properties.queues().orderExecuted(), new OrderExecutedTranslator(maxBodyBytes),
                properties.queues().orderEvents(), new OrderEventTranslator(maxBodyBytes,
                        properties.orderEventsQuantity()),
                properties.queues().wsPosition(), new PositionReportTranslator(maxBodyBytes));
    }

    /** Tickers are acknowledged as they are read (a newer price supersedes a lost one), one at a time. */
    @Bean
    SimpleMessageListenerContainer tickerConsumer(ConnectionFactory connectionFactory, IngestProperties properties,
                                                  ObjectProvider<TickerPrices> prices, DeadLetterPublisher deadLetters) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(properties.queues().ticker());
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setPrefetchCount(properties.prefetch());
        container.setMissingQueuesFatal(false);
        container.setMessageListener(new TickerListener(properties.queues().ticker(), properties.maxBodyBytes(),
                prices, deadLetters));
        return container;
    }

    @Bean
    IngestConsumers ingestConsumers(ConnectionFactory connectionFactory, IngestProperties properties,
                                    CommandBatch batch, DeadLetterPublisher deadLetters, IngestMetrics metrics) {
        return new IngestConsumers(connectionFactory, properties, batch, deadLetters, metrics);
    }

    private static List<String> inboundQueues(IngestProperties properties) {
        List<String> queues = new ArrayList<>(batchQueues(properties));
        queues.add(properties.queues().ticker());
        return queues;
    }

    /** The queues whose messages change positions and are applied in batches (not the tickers). */
    private static List<String> batchQueues(IngestProperties properties) {
        return List.of(properties.queues().orderExecuted(), properties.queues().orderEvents(),
                properties.queues().wsPosition());
    }

    /** Builds the consumers of the batch queues: manual acknowledgement after commit, batches of deliveries. */
    record IngestConsumers(ConnectionFactory connectionFactory, IngestProperties properties, CommandBatch batch,
                           DeadLetterPublisher deadLetters, IngestMetrics metrics) {

        /** How often a standby instance asks for a queue another instance's consumer holds exclusively. */
        private static final long EXCLUSIVE_TAKEOVER_INTERVAL_MILLIS = 1_000;

        /**
         * @param queue        consumed
         * @param inboundQueue what the messages are counted and dead-lettered as: {@code queue} itself, or the inbound
         *                     queue it is a partition of
         */
        SimpleMessageListenerContainer container(String queue, String inboundQueue, MessageTranslator translator) {
            SimpleMessageListenerContainer container = batchContainer(queue);
            container.setConcurrentConsumers(properties.concurrency());
            container.setMessageListener(new IngestListener(inboundQueue, translator, batch, deadLetters, metrics,
                    backoff()));
            return container;
        }

        /**
         * An inbound queue applied directly: with one consumer ({@code concurrency=1}, the default) it is the queue's
         * exclusive consumer, so of several instances only one applies the queue and the others stand by. With more
         * consumers the queue's order is given up anyway ({@link IngestProperties#concurrency()}), and the broker
         * refuses an exclusive consumer to all but the first.
         */
        SimpleMessageListenerContainer direct(String queue, MessageTranslator translator) {
            SimpleMessageListenerContainer container = container(queue, queue, translator);
            if (properties.concurrency() == 1) {
                holdExclusively(container);
            }
            return container;
        }

        /**
         * The router of an inbound queue holds the queue's exclusive consumer: one instance routes at a time, in the
         * queue's order.
         */
        SimpleMessageListenerContainer router(String queue, PartitionRouter router) {
            SimpleMessageListenerContainer container = batchContainer(queue);
            holdExclusively(container);
            container.setMessageListener(router);
            return container;
        }

        /** One consumer of the queue in the whole cluster; the others retry every second and take over when its
         * connection ends (a SIGKILL ends it at once). */
        private static void holdExclusively(SimpleMessageListenerContainer container) {
            container.setConcurrentConsumers(1);
            container.setExclusive(true);
            container.setRecoveryInterval(EXCLUSIVE_TAKEOVER_INTERVAL_MILLIS);
            // being refused the queue is the standby's normal state, not worth a warning a second
            container.setExclusiveConsumerExceptionLogger((logger, message, cause) ->
                    logger.debug(message + ": " + cause));
        }

        Backoff backoff() {
            return new Backoff(properties.retryInitialBackoff(), properties.retryMaxBackoff());
        }

        private SimpleMessageListenerContainer batchContainer(String queue) {
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
            container.setQueueNames(queue);
            container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
            container.setConsumerBatchEnabled(true);
            container.setBatchSize(properties.batchSize());
            container.setPrefetchCount(Math.max(properties.prefetch(), properties.batchSize()));
            container.setReceiveTimeout(properties.receiveTimeout().toMillis());
            container.setMissingQueuesFatal(false);
            return container;
        }
    }
}
