package com.ytrader.positionmanager.query.processing;

import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications reach their listeners from whichever connection sends them, and a listening connection that
 * PostgreSQL drops is replaced: the listeners hear once that something may have been missed, then every notification
 * again.
 */
class DatabaseNotificationsTest extends QuerySideTest {

    private static final String CHANNEL = "positions_changed";
    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    private DatabaseNotifications notifications;

    @Test
    void a_notification_sent_by_another_connection_reaches_the_listener() {
        AtomicInteger heard = new AtomicInteger();
        notifications.subscribe(CHANNEL, heard::incrementAndGet);

        jdbc.execute("SELECT pg_notify('" + CHANNEL + "', '')");

        await().atMost(SOON).until(() -> heard.get() >= 1);
    }

    @Test
    void after_postgresql_drops_the_listening_connection_listeners_are_told_and_hear_notifications_again() {
        AtomicInteger heard = new AtomicInteger();
        notifications.subscribe(CHANNEL, heard::incrementAndGet);
        List<Integer> listening = listeningBackends();
        assertThat(listening).isNotEmpty();

        listening.forEach(pid -> jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid));

        await().atMost(SOON).until(() -> listeningBackends().stream().anyMatch(pid -> !listening.contains(pid)));
        await("told that notifications may have been missed").atMost(SOON).until(() -> heard.get() >= 1);
        int beforeNotifying = heard.get();
        jdbc.execute("SELECT pg_notify('" + CHANNEL + "', '')");
        await().atMost(SOON).until(() -> heard.get() > beforeNotifying);
    }

    private List<Integer> listeningBackends() {
        return jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND query LIKE 'LISTEN%'", Integer.class);
    }
}
