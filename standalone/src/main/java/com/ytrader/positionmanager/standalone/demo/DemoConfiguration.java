package com.ytrader.positionmanager.standalone.demo;

import com.ytrader.positionmanager.command.ingest.IngestProperties;
import com.ytrader.positionmanager.query.position.PositionRepository;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.random.RandomGenerator;

/** The demo feed exists only when asked for ({@code --demo}, {@code position-manager.demo.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = DemoProperties.ENABLED, havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    @Bean
    DemoFeed demoFeed(RabbitTemplate rabbitTemplate, AmqpAdmin amqpAdmin, IngestProperties ingest,
                      PositionRepository positions, DemoProperties properties) {
        IngestProperties.Queues queues = ingest.queues();
        StoredPositions stored = new StoredPositions(positions, amqpAdmin,
                List.of(queues.orderExecuted(), queues.wsPosition()));
        return new DemoFeed(rabbitTemplate, queues, stored, properties.interval(), RandomGenerator.getDefault());
    }
}
