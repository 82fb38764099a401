package com.ytrader.positionmanager.infrastructure;

import java.util.Locale;

/** How {@link InfrastructureResolver} finds PostgreSQL and RabbitMQ ({@code POSITION_MANAGER_INFRASTRUCTURE}). */
enum InfrastructureMode {
    /** Explicit settings, else the local default ports when they answer, else embedded. */
    AUTO,
    /**
     * Explicit settings, else the embedded fallback even when local services answer (proves the fresh-machine
     * path; a child process handed the parent's embedded servers still finds them).
     */
    EMBEDDED;

    static InfrastructureMode parse(String value) {
        return value == null || value.isBlank() ? AUTO : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
