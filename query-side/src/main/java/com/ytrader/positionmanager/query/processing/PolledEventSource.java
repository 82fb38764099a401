package com.ytrader.positionmanager.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The event store as the query side's processors read it: the same PostgreSQL tables, read again as soon as
 * PostgreSQL notifies that events were appended ({@code domain_events}), and every {@code fetchDelay} once caught up
 * in case a notification was lost. Axon's own event store is woken only by appends made in its JVM; the command
 * side appends in another. Not an {@code EventStore} bean of its own, so the application's event store (and the
 * command side's, when both run in one JVM) stays Axon's.
 */
class PolledEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    static final String EVENTS_APPENDED = "domain_events";

    private final WakeableEventStore store;

    PolledEventSource(EventStorageEngine storageEngine, Duration fetchDelay, DatabaseNotifications notifications) {
        this.store = new WakeableEventStore(
                EmbeddedEventStore.builder().storageEngine(storageEngine).fetchDelay(fetchDelay.toMillis()));
        notifications.subscribe(EVENTS_APPENDED, store::wake);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return store.openStream(trackingToken);
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
        store.shutDown();
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
