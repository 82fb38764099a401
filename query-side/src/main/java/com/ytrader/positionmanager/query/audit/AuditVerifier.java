package com.ytrader.positionmanager.query.audit;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.timeline.AuditChain;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Recomputes a position's audit chain from the event store (read through Axon, upcasters applied, snapshots not
 * used) with the projection's own {@link AuditChain}, and finds the first link that differs from the recorded one.
 */
@Service
public class AuditVerifier {

    private final EventStore eventStore;
    private final AuditTrail trail;
    private final AuditChain chain;

    public AuditVerifier(EventStore eventStore, AuditTrail trail, AuditChain chain) {
        this.eventStore = eventStore;
        this.trail = trail;
        this.chain = chain;
    }

    public VerifyResponse verify(String asset, PositionMode mode) {
        String positionId = PositionId.of(asset, mode);
        List<String> recorded = trail.hashes(positionId);
        DomainEventStream events = eventStore.readEvents(positionId, 0L);
        String previous = null;
        long expected = 0;
        long notYetProjected = 0;
        while (events.hasNext()) {
            long sequenceNumber = events.peek().getSequenceNumber();
            if (sequenceNumber != expected) {
                return broken(asset, mode, expected, "event " + expected + " is missing from the event store",
                        expected < recorded.size() ? recorded.get((int) expected) : null, null);
            }
            if (sequenceNumber >= recorded.size()) {
                events.next();
                notYetProjected++;
                expected++;
                continue;
            }
            String link;
            try {
                DomainEventMessage<?> event = events.next();
                link = chain.link(previous, event);
            } catch (RuntimeException unreadable) {
                return broken(asset, mode, sequenceNumber, "the stored event cannot be read: " + unreadable.getMessage(),
                        recorded.get((int) sequenceNumber), null);
            }
            if (!link.equals(recorded.get((int) sequenceNumber))) {
                return broken(asset, mode, sequenceNumber, "the stored event differs from the one recorded",
                        recorded.get((int) sequenceNumber), link);
            }
            previous = link;
            expected++;
        }
        if (expected < recorded.size()) {
            return broken(asset, mode, expected, "event " + expected + " is missing from the event store",
                    recorded.get((int) expected), null);
        }
        return new VerifyResponse(asset, mode, true, expected - notYetProjected, null, null, null, null,
                notYetProjected);
    }

    private static VerifyResponse broken(String asset, PositionMode mode, long sequenceNumber, String reason,
                                         String recordedHash, String recomputedHash) {
        return new VerifyResponse(asset, mode, false, sequenceNumber, sequenceNumber, reason, recordedHash,
                recomputedHash, 0);
    }
}
