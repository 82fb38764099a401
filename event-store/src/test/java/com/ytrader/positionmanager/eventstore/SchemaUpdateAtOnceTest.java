package com.ytrader.positionmanager.eventstore;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances started together on an empty database each run Liquibase at once. Liquibase's own lock lives in a table
 * it creates on first use (and {@code databasechangelog} is created before it is taken): two sessions creating them
 * at once collide ({@code pg_type_typname_nsp_index}). The advisory lock of {@link SchemaUpdateLock}, put in by the
 * same post-processor as in the applications, makes them take turns. Real PostgreSQL at
 * {@code POSTGRES_HOST}:{@code POSTGRES_PORT}; each round on a database of its own.
 */
class SchemaUpdateAtOnceTest {

    private static final int INSTANCES = 8;
    private static final int ROUNDS = 5;

    private final String host = System.getenv().getOrDefault("POSTGRES_HOST", "localhost");
    private final String port = System.getenv().getOrDefault("POSTGRES_PORT", "5432");
    private final String user = System.getenv().getOrDefault("POSTGRES_USER", "postgres");
    private final String password = System.getenv().getOrDefault("POSTGRES_PASSWORD", "");

    @Test
    void instances_updating_an_empty_database_at_once_all_succeed_and_apply_each_change_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String database = "pm_schema_race_" + UUID.randomUUID().toString().replace("-", "");
            admin("CREATE DATABASE " + database);
            try {
                List<Throwable> failures = updateAtOnce(database);

                assertThat(failures).as("round %d", round).isEmpty();
                assertThat(count(database, "SELECT count(*) FROM databasechangelog"))
                        .isEqualTo(count(database, "SELECT count(DISTINCT id) FROM databasechangelog"))
                        .isPositive();
                assertThat(count(database, "SELECT count(*) FROM databasechangeloglock WHERE locked"))
                        .as("lock left taken").isZero();
                assertThat(count(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
                        .as("advisory lock left held").isZero();
            } finally {
                admin("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }

    private List<Throwable> updateAtOnce(String database) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(INSTANCES);
        ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<?>> updates = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                updates.add(instances.submit(() -> {
                    SpringLiquibase liquibase = new SpringLiquibase();
                    liquibase.setDataSource(new DriverManagerDataSource(url(database), user, password));
                    liquibase.setResourceLoader(new DefaultResourceLoader());
                    liquibase.setChangeLog("classpath:db/changelog/event-store/001-axon-tables.sql");
                    SchemaUpdateLockConfiguration.schemaUpdatesOneAtATime()
                            .postProcessBeforeInitialization(liquibase, "liquibase");
                    start.await();
                    liquibase.afterPropertiesSet();
                    return null;
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> update : updates) {
                try {
                    update.get(2, TimeUnit.MINUTES);
                } catch (Exception e) {
                    failures.add(e.getCause() != null ? e.getCause() : e);
                }
            }
            return failures;
        } finally {
            instances.shutdownNow();
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database), user, password);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
