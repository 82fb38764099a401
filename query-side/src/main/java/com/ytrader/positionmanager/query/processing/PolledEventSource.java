package com.ytrader.positionmanager.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;

/**
 * The event store as the query side's processors read it: the same PostgreSQL tables, polled every
 * {@code fetchDelay} once caught up. Axon's own event store polls every second; appends made in this JVM wake
 * it, but the command side appends in another JVM, so that second would be the lag. Not an {@code EventStore}
 * bean of its own, so the application's event store (and the command side's, when both run in one JVM) stays
 * Axon's.
 */
class PolledEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EmbeddedEventStore store;

    PolledEventSource(EventStorageEngine storageEngine, Duration fetchDelay) {
        this.store = EmbeddedEventStore.builder().storageEngine(storageEngine).fetchDelay(fetchDelay.toMillis())
                .build();
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
}
