package com.ytrader.positionmanager.query.processing;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * PostgreSQL's {@code NOTIFY}s of the channels that listeners subscribed to, on a connection of its own (not the pool's:
 * a connection PostgreSQL dropped while it waited must not go back to the pool) held by a thread of its own. The triggers that send them are in the changelogs ({@code domain_events}: events appended;
 * {@code positions_changed}: {@code positions} written), so every instance hears every writer.
 *
 * <p>A notification only says "look now": whoever listens still reads the tables, so a notification lost while the
 * connection was down costs time, never a change. After every (re)connection each listener is called once, for what
 * may have been missed while no one listened.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    /** How long one wait for notifications lasts: how soon a stop is noticed. */
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final Duration retryDelay;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    DatabaseNotifications(DataSourceProperties database,
                          @Value("${position-manager.notifications.retry-delay}") Duration retryDelay) {
        this.dataSource = database.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build();
        this.retryDelay = retryDelay;
    }

    /**
     * Calls {@code listener} on a notification of {@code channel}, on the listening thread (it must not block);
     * subscriptions are made before the application starts.
     */
    public void subscribe(String channel, Runnable listener) {
        listeners.computeIfAbsent(channel, ignored -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "database-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the listening thread to give its connection back, before the pool closes. */
    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(2L * WAIT_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    for (String channel : listeners.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                listeners.values().forEach(DatabaseNotifications::callAll);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = postgres.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            callAll(listeners.getOrDefault(notification.getName(), List.of()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException failure) {
                if (running) {
                    log.warn("Not listening to the database's notifications ({}); trying again in {}",
                            failure.getMessage(), retryDelay);
                    pause();
                }
            }
        }
    }

    private static void callAll(List<Runnable> channelListeners) {
        channelListeners.forEach(Runnable::run);
    }

    private void pause() {
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
