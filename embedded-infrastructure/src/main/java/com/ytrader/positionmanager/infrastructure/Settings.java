package com.ytrader.positionmanager.infrastructure;

import org.springframework.core.env.Environment;

/** The connection settings ({@code POSTGRES_*}, {@code RABBITMQ_*}) with the local defaults. */
record Settings(
        boolean postgresHostExplicit,
        String postgresHost,
        int postgresPort,
        String postgresDatabase,
        String postgresUser,
        String postgresPassword,
        boolean rabbitHostExplicit,
        String rabbitHost,
        int rabbitPort,
        String rabbitUser,
        String rabbitPassword) {

    static Settings from(Environment environment) {
        return new Settings(
                environment.containsProperty("POSTGRES_HOST"),
                environment.getProperty("POSTGRES_HOST", "localhost"),
                environment.getProperty("POSTGRES_PORT", Integer.class, 5432),
                environment.getProperty("POSTGRES_DB", "position_manager"),
                environment.getProperty("POSTGRES_USER", "postgres"),
                environment.getProperty("POSTGRES_PASSWORD", ""),
                environment.containsProperty("RABBITMQ_HOST"),
                environment.getProperty("RABBITMQ_HOST", "localhost"),
                environment.getProperty("RABBITMQ_PORT", Integer.class, 5672),
                environment.getProperty("RABBITMQ_USER", "guest"),
                environment.getProperty("RABBITMQ_PASSWORD", "guest"));
    }
}
