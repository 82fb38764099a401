package com.ytrader.positionmanager.query.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.support.converter.Jackson2JsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable queues of the integration events, declared if absent, and their JSON (the REST API's). */
@Configuration(proxyBeanMethods = false)
class IntegrationMessagingConfiguration {

    @Bean
    Queue positionUpdatedQueue() {
        return new Queue(PositionUpdated.QUEUE, true);
    }

    @Bean
    Queue portfolioUpdatedQueue() {
        return new Queue(PortfolioUpdated.QUEUE, true);
    }

    @Bean
    Queue positionSnapshotCreatedQueue() {
        return new Queue(PositionSnapshotCreated.QUEUE, true);
    }

    @Bean
    MessageConverter integrationEventJson(ObjectMapper json) {
        return new Jackson2JsonMessageConverter(json);
    }
}
