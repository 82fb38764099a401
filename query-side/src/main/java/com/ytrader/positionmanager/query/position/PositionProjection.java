package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Projects every event that carries a position's figures into {@code positions}. The figures are the decided
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
    void on(FillApplied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        positions.record(event.positionId(), event.asset(), event.mode(), event.position(), sequence, at);
    }

    @EventHandler
    void on(FundingApplied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        positions.record(event.positionId(), event.asset(), event.mode(), event.position(), sequence, at);
    }

    @EventHandler
    void on(ExchangeReportApplied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        positions.record(event.positionId(), event.asset(), event.mode(), event.position(), sequence, at);
    }

    @EventHandler
    void on(PositionCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        positions.record(event.positionId(), event.asset(), event.mode(), event.position(), sequence, at);
    }

    @EventHandler
    void on(MarkPriceUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        positions.record(event.positionId(), event.asset(), event.mode(), event.position(), sequence, at);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
