package com.ytrader.positionmanager.query.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.Jackson2JsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/** The durable, bounded queues of the integration events, declared if absent, and their JSON (the REST API's). */
@Configuration(proxyBeanMethods = false)
class IntegrationMessagingConfiguration {

    /** Bounded by {@code position-manager.integration-events.queue-max-length} and {@code .queue-message-ttl}. */
    @Bean
    IntegrationQueues integrationQueues(
            ConnectionFactory connectionFactory,
            @Value("${position-manager.integration-events.queue-max-length}") long maxLength,
            @Value("${position-manager.integration-events.queue-message-ttl}") Duration messageTtl) {
        IntegrationQueues queues = new IntegrationQueues(
                List.of(PositionUpdated.QUEUE, PortfolioUpdated.QUEUE, PositionSnapshotCreated.QUEUE),
                maxLength, messageTtl);
        connectionFactory.addConnectionListener(queues);
        return queues;
    }

    @Bean
    MessageConverter integrationEventJson(ObjectMapper json) {
        return new Jackson2JsonMessageConverter(json);
    }
}
