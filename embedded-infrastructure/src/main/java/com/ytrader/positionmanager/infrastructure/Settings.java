package com.ytrader.positionmanager.infrastructure;

import org.springframework.core.env.Environment;

/** The spec's connection settings ({@code POSTGRES_*}, {@code RABBITMQ_*}) with the local defaults. */
record Settings(
        boolean postgresHostExplicit,
        String postgresHost,
        int postgresPort,
        String postgresDatabase,
        String postgresUser,
        String postgresPassword) {

    static Settings from(Environment environment) {
        return new Settings(
                environment.containsProperty("POSTGRES_HOST"),
                environment.getProperty("POSTGRES_HOST", "localhost"),
                environment.getProperty("POSTGRES_PORT", Integer.class, 5432),
                environment.getProperty("POSTGRES_DB", "position_manager"),
                environment.getProperty("POSTGRES_USER", "postgres"),
                environment.getProperty("POSTGRES_PASSWORD", ""));
    }
}
