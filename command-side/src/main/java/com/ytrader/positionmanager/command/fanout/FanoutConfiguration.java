package com.ytrader.positionmanager.command.fanout;

import com.ytrader.positionmanager.messaging.ConfirmedPublisher;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessageConverter;
import org.axonframework.extensions.amqp.eventhandling.RoutingKeyResolver;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Domain events to the topic exchange {@code position-manager.events}. The AMQP extension's own publisher is
 * not an outbox (it sends during the unit of work, so a crash right after the commit loses the message) and is
 * left off ({@code axon.amqp.exchange} stays unset); its message converter is used, with a routing key per
 * event type.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FanoutProperties.class)
@ConditionalOnProperty(name = "position-manager.fanout.enabled", matchIfMissing = true)
class FanoutConfiguration {

    @Bean
    TopicExchange domainEventsExchange(FanoutProperties properties) {
        return new TopicExchange(properties.exchange(), true, false);
    }

    @Bean
    RoutingKeyResolver eventTypeRoutingKeyResolver() {
        return new EventTypeRoutingKeyResolver();
    }

    @Bean
    DomainEventPublisher domainEventPublisher(RabbitTemplate rabbitTemplate, AMQPMessageConverter amqpMessageConverter,
                                              FanoutProperties properties) {
        return new DomainEventPublisher(new ConfirmedPublisher(rabbitTemplate, properties.confirmTimeout()),
                amqpMessageConverter, properties.exchange());
    }

    /** A failed publish must fail the batch (and be retried from the token), never be logged and skipped. */
    @Autowired
    void propagateFanoutErrors(EventProcessingConfigurer configurer) {
        configurer.registerListenerInvocationErrorHandler(DomainEventPublisher.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
