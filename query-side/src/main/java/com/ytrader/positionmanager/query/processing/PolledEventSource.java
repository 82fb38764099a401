package com.ytrader.positionmanager.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event store as the query side's processors read it: the same PostgreSQL tables, read again as soon as
 * PostgreSQL notifies that events were appended ({@code domain_events}), and every {@code fetchDelay} once caught up
 * in case a notification was lost. Axon's own event store is woken only by appends made in its JVM; the command
 * side appends in another. Not an {@code EventStore} bean of its own, so the application's event store (and the
 * command side's, when both run in one JVM) stays Axon's.
 *
 * <p>Its streams tell a pooled processor when events arrive ({@link BlockingStream#setOnAvailableCallback}): without
 * that, Axon's coordinator looks for new events every 500 ms once caught up, which was most of the time from a fill's
 * append to its read-model row. A watcher follows the head of the store and calls the processors' callbacks whenever
 * the store has fetched new events.
 */
class PolledEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    static final String EVENTS_APPENDED = "domain_events";

    private static final Logger log = LoggerFactory.getLogger(PolledEventSource.class);

    private final WakeableEventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    private final AtomicBoolean watching = new AtomicBoolean();
    private final Duration retryDelay;
    private volatile boolean open = true;

    PolledEventSource(EventStorageEngine storageEngine, Duration fetchDelay, DatabaseNotifications notifications) {
        this.retryDelay = fetchDelay;
        this.store = new WakeableEventStore(
                EmbeddedEventStore.builder().storageEngine(storageEngine).fetchDelay(fetchDelay.toMillis()));
        notifications.subscribe(EVENTS_APPENDED, store::wake);
        this.watcher = new Thread(this::watchHead, "event-availability");
        watcher.setDaemon(true);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new CallingBackStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public void close() {
        open = false;
        watcher.interrupt();
        store.shutDown();
    }

    /**
     * Reads the head of the store as it grows, and calls the callbacks each time it did; when reading fails (the
     * database gone), calls them anyway, so that the processors look for themselves, and watches again a moment later.
     */
    private void watchHead() {
        while (open) {
            try (BlockingStream<TrackedEventMessage<?>> head = store.openStream(store.createHeadToken())) {
                while (open) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        callBack();
                    }
                }
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                log.warn("Could not follow the head of the event store ({}); again in {}", failure.getMessage(),
                        retryDelay);
                callBack();
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void callBack() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException failure) {
                log.warn("A processor's callback for new events failed: {}", failure.getMessage(), failure);
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(retryDelay.toMillis());
            return true;
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void register(Runnable callback) {
        callbacks.add(callback);
        if (watching.compareAndSet(false, true)) {
            watcher.start();
        }
    }

    /** A stream of the store that calls its processor back when new events are there. */
    private final class CallingBackStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Runnable callback;

        private CallingBackStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            callback = onAvailable;
            register(onAvailable);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            stream.close();
        }
    }

    /** Axon's store, woken the way its own appends wake it: its producer, if waiting, fetches at once. */
    private static final class WakeableEventStore extends EmbeddedEventStore {

        private WakeableEventStore(Builder builder) {
            super(builder);
        }

        void wake() {
            afterCommit(List.of());
        }
    }
}
