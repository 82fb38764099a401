package com.ytrader.positionmanager.query.limits;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitSettings.class)
class LimitsConfiguration {

    /**
     * Durable and unbounded: limit events are few (one per crossing), and a risk consumer that was away must find
     * every one of them.
     */
    @Bean
    Queue limitEventQueue() {
        return QueueBuilder.durable(LimitEvent.QUEUE).build();
    }
}
