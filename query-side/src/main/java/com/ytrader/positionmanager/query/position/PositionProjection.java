package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Projects every event of a position into {@code positions}, as {@link LiveRow} says. The figures are the decided
 * state after the event, so the projection copies them; the aggregate's sequence number guards each write, and a
 * batch writes each position once ({@link PositionWrites}).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class PositionProjection {

    private final PositionWrites positions;
    private final PositionRepository repository;

    PositionProjection(PositionWrites positions, PositionRepository repository) {
        this.positions = positions;
        this.repository = repository;
    }

    @EventHandler
    void on(PositionEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LiveRow.Change change = LiveRow.change(event);
        if (change instanceof LiveRow.FiguresWritten written) {
            positions.record(event.positionId(), event.asset(), event.mode(), written.figures(), sequence, at);
        } else if (change instanceof LiveRow.SnapshotMarked marked) {
            positions.recordSnapshot(event.positionId(), marked.at(), sequence);
        }
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
