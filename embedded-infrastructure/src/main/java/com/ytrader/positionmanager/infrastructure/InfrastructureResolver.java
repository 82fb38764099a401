package com.ytrader.positionmanager.infrastructure;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Points the application at PostgreSQL and at an AMQP broker in the order the README gives (How infrastructure is
 * found): explicit settings, the local default port when it answers, else an embedded server (zonky PostgreSQL,
 * Apache Qpid Broker-J).
 * Only the standalone app and the tests have this module on their class path; the deployed command and query sides take their settings from the environment alone.
 * {@code POSTGRES_HOST} or {@code RABBITMQ_HOST} set explicitly is used as it is;
 * {@code POSITION_MANAGER_INFRASTRUCTURE=embedded} forces both embedded servers even when local ones answer.
 */
public class InfrastructureResolver implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "position-manager-infrastructure";
    /** Where PostgreSQL was found, in words, for the standalone app's start-up summary. */
    public static final String POSTGRES_LOCATION = "position-manager.infrastructure.postgres-location";
    /** Where the AMQP broker was found, in words. */
    public static final String BROKER_LOCATION = "position-manager.infrastructure.broker-location";

    private final Log log;

    public InfrastructureResolver(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(InfrastructureResolver.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        InfrastructureMode mode = InfrastructureMode.parse(
                environment.getProperty("position-manager.infrastructure"));
        Settings settings = Settings.from(environment);
        PostgresLocator.Location postgres = PostgresLocator.locate(mode, settings);
        PostgresLocator.ensureDatabase(postgres, settings.postgresDatabase());
        log.info("Event store and read models: " + postgres.description()
                + ", database " + settings.postgresDatabase());

        Map<String, Object> resolved = new HashMap<>();
        resolved.put("spring.datasource.url", postgres.jdbcUrl(settings.postgresDatabase()));
        resolved.put("spring.datasource.username", postgres.user());
        resolved.put("spring.datasource.password", postgres.password());
        resolved.put(POSTGRES_LOCATION, postgres.description() + ", database " + settings.postgresDatabase());

        RabbitLocator.Location rabbit = RabbitLocator.locate(mode, settings);
        log.info("Message broker: " + rabbit.description());
        resolved.put("spring.rabbitmq.host", rabbit.host());
        resolved.put("spring.rabbitmq.port", rabbit.port());
        resolved.put("spring.rabbitmq.username", rabbit.user());
        resolved.put("spring.rabbitmq.password", rabbit.password());
        resolved.put(BROKER_LOCATION, rabbit.description());
        // the embedded broker logs every subscription at INFO
        resolved.put("logging.level.qpid", "WARN");
        resolved.put("logging.level.org.apache.qpid", "WARN");
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, resolved));
    }

    @Override
    public int getOrder() {
        // after Spring Boot has read application.yml and the environment
        return Ordered.LOWEST_PRECEDENCE;
    }
}
