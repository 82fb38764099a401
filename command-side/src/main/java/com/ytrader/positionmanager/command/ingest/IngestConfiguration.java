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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The four inbound queues, their dead-letter queues, and one consumer per queue (batches, but tickers one by one). Everything is declared
 * durable, without RabbitMQ-only arguments, so the same topology works on RabbitMQ and on the embedded broker.
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

    @Bean
    SimpleMessageListenerContainer orderExecutedConsumer(IngestConsumers consumers, IngestProperties properties) {
        String queue = properties.queues().orderExecuted();
        return consumers.container(queue, new OrderExecutedTranslator(properties.maxBodyBytes()));
    }

    @Bean
    SimpleMessageListenerContainer orderEventsConsumer(IngestConsumers consumers, IngestProperties properties) {
        String queue = properties.queues().orderEvents();
        return consumers.container(queue, new OrderEventTranslator(properties.maxBodyBytes(), properties.orderEventsQuantity()));
    }

    @Bean
    SimpleMessageListenerContainer positionReportsConsumer(IngestConsumers consumers, IngestProperties properties) {
        String queue = properties.queues().wsPosition();
        return consumers.container(queue, new PositionReportTranslator(properties.maxBodyBytes()));
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
        return List.of(properties.queues().orderExecuted(), properties.queues().orderEvents(),
                properties.queues().wsPosition(), properties.queues().ticker());
    }

    /** Builds the batch consumer of one queue: manual acknowledgement after commit, batches of deliveries. */
    record IngestConsumers(ConnectionFactory connectionFactory, IngestProperties properties, CommandBatch batch,
                           DeadLetterPublisher deadLetters, IngestMetrics metrics) {

        SimpleMessageListenerContainer container(String queue, MessageTranslator translator) {
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
            container.setQueueNames(queue);
            container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
            container.setConsumerBatchEnabled(true);
            container.setBatchSize(properties.batchSize());
            container.setPrefetchCount(Math.max(properties.prefetch(), properties.batchSize()));
            container.setReceiveTimeout(properties.receiveTimeout().toMillis());
            container.setConcurrentConsumers(properties.concurrency());
            container.setMissingQueuesFatal(false);
            container.setMessageListener(new IngestListener(queue, translator, batch, deadLetters, metrics,
                    new Backoff(properties.retryInitialBackoff(), properties.retryMaxBackoff())));
            return container;
        }
    }
}
