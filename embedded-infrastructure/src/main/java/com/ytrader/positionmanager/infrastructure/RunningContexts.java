package com.ytrader.positionmanager.infrastructure;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application contexts of this JVM that use the embedded servers. The JVM runs every shutdown hook at once, so
 * without waiting the embedded PostgreSQL and broker would stop while the application still closes its processors
 * and consumers, and a Ctrl-C would end in a page of connection errors.
 */
public final class RunningContexts implements ApplicationListener<ContextRefreshedEvent> {

    private static final Set<ConfigurableApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        CONTEXTS.removeIf(context -> !context.isActive());
        if (event.getApplicationContext() instanceof ConfigurableApplicationContext context) {
            CONTEXTS.add(context);
        }
    }

    /** A shutdown hook that runs the action once every context has finished closing, or after the timeout. */
    static void onShutdown(String name, Duration timeout, Runnable action) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitClosed(timeout);
            action.run();
        }, name));
    }

    private static void awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // a context is active until the very end of its close()
        while (CONTEXTS.stream().anyMatch(ConfigurableApplicationContext::isActive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
