package com.ytrader.positionmanager.query.aged;

import com.ytrader.positionmanager.events.AgedCloseFailed;
import com.ytrader.positionmanager.events.AgedCloseRequested;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.AgedPositionClosed;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Projects the aged positions' events into {@code aged_positions} (one row per aged entry, folded by
 * {@link AgedEntry}) and {@code aged_positions_history} (one row per event). A batch reads each entry it touches at
 * most once and writes it once, when it commits; an event the entry has applied already (its sequence number is not
 * beyond the row's) changes nothing, so a redelivery or a replay over existing rows writes nothing twice.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class AgedPositionProjection {

    private final AgedPositionRepository repository;
    private final BatchBuffer<Pending> pending;

    AgedPositionProjection(AgedPositionRepository repository) {
        this.repository = repository;
        this.pending = new BatchBuffer<>(AgedPositionProjection.class.getName(), Pending::new, batch -> {
            if (!batch.entries.isEmpty()) {
                repository.record(batch.entries.values(), batch.transitions);
            }
        });
    }

    @EventHandler
    void on(AgedPhaseChanged event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.agedId(), event.positionId(), event.asset(), event.mode(), event.positionIdx(), event.lifecycle(),
                event.at(), sequence, recordedAt, entry -> entry.apply(event, sequence, recordedAt));
    }

    @EventHandler
    void on(AgedCloseRequested event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.agedId(), event.positionId(), event.asset(), event.mode(), event.positionIdx(), event.lifecycle(),
                event.requestedAt(), sequence, recordedAt, entry -> entry.apply(event, sequence, recordedAt));
    }

    @EventHandler
    void on(AgedPositionClosed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.agedId(), event.positionId(), event.asset(), event.mode(), event.positionIdx(), event.lifecycle(),
                event.detectedAt(), sequence, recordedAt, entry -> entry.apply(event, sequence, recordedAt));
    }

    @EventHandler
    void on(AgedCloseFailed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.agedId(), event.positionId(), event.asset(), event.mode(), event.positionIdx(), event.lifecycle(),
                event.at(), sequence, recordedAt, entry -> entry.apply(event, sequence, recordedAt));
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /**
     * Applies one event to its entry, as the batch holds it, else as stored, else a new one detected at
     * {@code detectedAt} (the first event of an entry is its detection).
     */
    private void apply(String agedId, String positionId, String asset, PositionMode mode, int positionIdx,
                       int lifecycle, Instant detectedAt, long sequence, Instant recordedAt,
                       Function<AgedEntry, AgedTransition> event) {
        Pending batch = pending.current();
        UUID id = UUID.fromString(agedId);
        AgedEntry entry = batch.entries.get(id);
        if (entry == null) {
            entry = repository.find(id).orElseGet(() -> AgedEntry.first(agedId, positionId, asset, mode, positionIdx,
                    lifecycle, detectedAt, recordedAt));
        }
        if (entry.hasApplied(sequence)) {
            return;
        }
        batch.transitions.add(event.apply(entry));
        batch.entries.put(id, entry);
    }

    /** The entries a batch changed (their latest state) and the history rows it appends, in event order. */
    private static final class Pending {
        private final Map<UUID, AgedEntry> entries = new LinkedHashMap<>();
        private final List<AgedTransition> transitions = new ArrayList<>();
    }
}
