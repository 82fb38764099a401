package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.RecordsExecution;
import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects every event of every position into {@code position_timeline}: the state after it (carried forward when
 * the event changes nothing), its two clocks and its audit link. Events of one position arrive in order (sequenced
 * per aggregate), so each row is a function of the row before it and the event; rows are inserted once per batch and
 * a redelivered event's row is left as it is.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class TimelineProjection {

    /** Positions whose last row is kept in memory, so that the common case reads nothing back. */
    private static final int CACHED_POSITIONS = 10_000;

    private final TimelineRepository timeline;
    private final AuditChain chain;
    private final EventStorageEngine store;
    private final BatchBuffer<List<TimelineRow>> pendingRows;
    /**
     * The last row computed per position. A row is a deterministic function of the event store, so a cached row of
     * a batch that rolled back is still the row a retry computes; it is used only when it is the direct predecessor.
     */
    private final Map<String, TimelineHead> heads = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TimelineHead> eldest) {
                    return size() > CACHED_POSITIONS;
                }
            });

    public TimelineProjection(TimelineRepository timeline, AuditChain chain, EventStorageEngine store) {
        this.timeline = timeline;
        this.chain = chain;
        this.store = store;
        this.pendingRows = new BatchBuffer<>(TimelineProjection.class.getName(), ArrayList::new, timeline::insert);
    }

    @EventHandler
    void on(PositionEvent event, EventMessage<?> message) {
        DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) message;
        String positionId = domainEvent.getAggregateIdentifier();
        long sequenceNumber = domainEvent.getSequenceNumber();
        TimelineHead previous = previous(positionId, sequenceNumber);
        byte[] payload = chain.payload(domainEvent);
        String previousHash = previous == null ? null : previous.hash();
        TimelineHead head = TimelineHead.after(previous, event, sequenceNumber, domainEvent.getTimestamp(),
                chain.link(previousHash, domainEvent, payload));
        heads.put(positionId, head);
        pendingRows.current().add(new TimelineRow(head, event.asset(), event.mode(), globalIndex(message),
                event.getClass().getSimpleName(), domainEvent.getIdentifier(), event.occurredAt(),
                domainEvent.getTimestamp(), metadata(message, EventMetadata.SOURCE),
                metadata(message, EventMetadata.TRACE_ID), metadata(message, EventMetadata.MESSAGE_ID),
                fillId(event), orderId(event), previousHash));
    }

    @ResetHandler
    void reset() {
        forgetPositions();
        timeline.truncate();
    }

    /** Drops the rows held in memory, as a restart does: each position's next event reads its last row back. */
    void forgetPositions() {
        heads.clear();
    }

    private TimelineHead previous(String positionId, long sequenceNumber) {
        if (sequenceNumber == 0) {
            return null;
        }
        TimelineHead cached = heads.get(positionId);
        if (cached != null && cached.sequenceNumber() == sequenceNumber - 1) {
            return cached;
        }
        return timeline.head(positionId, sequenceNumber - 1, figuresSequence -> figures(positionId, figuresSequence))
                .orElseThrow(() -> new IllegalStateException("no timeline row " + positionId + "#"
                        + (sequenceNumber - 1) + " before event #" + sequenceNumber));
    }

    /** The figures event {@code sequenceNumber} of the position carried, as the event store holds it (upcast). */
    private PositionFigures figures(String positionId, Long sequenceNumber) {
        if (sequenceNumber == null) {
            return null;
        }
        DomainEventStream events = store.readEvents(positionId, sequenceNumber);
        if (!events.hasNext()) {
            throw new IllegalStateException("no event " + positionId + "#" + sequenceNumber + " in the event store");
        }
        return TimelineHead.carriedFigures((PositionEvent) events.next().getPayload());
    }

    private static long globalIndex(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1);
        }
        return -1;
    }

    private static String metadata(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private static String fillId(PositionEvent event) {
        return event instanceof RecordsExecution execution ? execution.fillId() : null;
    }

    private static String orderId(PositionEvent event) {
        return event instanceof RecordsExecution execution ? execution.orderId() : null;
    }
}
