package com.ytrader.positionmanager.command.aged;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.messaging.ConfirmedPublisher;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The aged-position saga's settings and error handling, and the close-request queue with its publisher. A saga or
 * publisher that fails must fail its batch, to be retried from its token: a logged and skipped event would lose a
 * transition or a close request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgedPositionRules.class)
@ConditionalOnProperty(name = "position-manager.aged.enabled", havingValue = "true", matchIfMissing = true)
class AgedConfiguration {

    static final String SAGA_PROCESSING_GROUP = "AgedPositionSagaProcessor";

    @Bean
    Queue closeRequestsQueue(@Value("${position-manager.aged.close-requests-queue}") String queue) {
        return QueueBuilder.durable(queue).build();
    }

    @Bean
    CloseRequestPublisher closeRequestPublisher(RabbitTemplate rabbitTemplate,
                                                @Value("${position-manager.aged.close-requests-queue}") String queue,
                                                @Value("${position-manager.aged.confirm-timeout}") Duration confirmTimeout) {
        return new CloseRequestPublisher(new ConfirmedPublisher(rabbitTemplate, confirmTimeout), new ObjectMapper(),
                queue);
    }

    @Autowired
    void propagateAgedErrors(EventProcessingConfigurer configurer) {
        configurer.registerListenerInvocationErrorHandler(SAGA_PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
        configurer.registerListenerInvocationErrorHandler(CloseRequestPublisher.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
