package com.ytrader.positionmanager.query.history;

import com.ytrader.positionmanager.events.CarriesPositionFigures;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.query.position.PositionRow;

import java.time.Instant;

/**
 * A position right after one of its events, as the timeline carries it forward: the figures (and which event carried
 * them), the bookkeeping of the
 * live {@code positions} row (version, created/updated/snapshot times, with the same rules as
 * {@code PositionProjection} and {@code PositionSnapshotProjection}), the two running-maximum clocks and the audit
 * link.
 *
 * @param figuresSequence the sequence number of the event that carried {@code figures}; null while flat
 * @param version         the live row's version; null until an event carrying figures created the row
 * @param createdAt       recorded time of the first event that carried figures
 */
record TimelineHead(
        String positionId,
        long sequenceNumber,
        PositionFigures figures,
        Long figuresSequence,
        Long version,
        Instant createdAt,
        Instant lastUpdated,
        Instant lastSnapshotAt,
        Instant effectiveTime,
        Instant knownTime,
        String hash) {

    /** The state after {@code event}; {@code previous} is the state after the position's event before it, or null. */
    static TimelineHead after(TimelineHead previous, PositionEvent event, long sequenceNumber, Instant recordedAt,
                              String hash) {
        Long figuresSequence = previous == null ? null : previous.figuresSequence();
        PositionFigures figures = figuresSequence == null ? PositionFigures.flat(event.mode()) : previous.figures();
        Long version = previous == null ? null : previous.version();
        Instant createdAt = previous == null ? null : previous.createdAt();
        Instant lastUpdated = previous == null ? null : previous.lastUpdated();
        Instant lastSnapshotAt = previous == null ? null : previous.lastSnapshotAt();
        PositionFigures carried = carriedFigures(event);
        if (carried != null) {
            figures = carried;
            figuresSequence = sequenceNumber;
        }
        if (carried != null && !(event instanceof PositionSnapshotTaken)) {
            // the events PositionProjection writes into the live row
            version = sequenceNumber;
            createdAt = createdAt == null ? recordedAt : createdAt;
            lastUpdated = recordedAt;
        } else if (version != null && event instanceof PositionSnapshotTaken taken) {
            // a snapshot or a close only marks a live row that exists (PositionSnapshotProjection)
            version = sequenceNumber;
            lastSnapshotAt = taken.takenAt();
        } else if (version != null && event instanceof PositionClosed closed) {
            version = sequenceNumber;
            lastSnapshotAt = closed.lifecycle().closedAt();
        }
        Instant effective = latest(previous == null ? null : previous.effectiveTime(), event.occurredAt());
        Instant known = latest(previous == null ? null : previous.knownTime(), recordedAt);
        return new TimelineHead(event.positionId(), sequenceNumber, figures, figuresSequence, version, createdAt,
                lastUpdated, lastSnapshotAt, effective, known, hash);
    }

    /** The figures the event itself carries (the state after it), null when it carries none. */
    static PositionFigures carriedFigures(PositionEvent event) {
        return event instanceof CarriesPositionFigures carrier ? carrier.position() : null;
    }

    /** The live read model's row as it stood after this event; null before the row existed. */
    PositionRow row(String asset, PositionMode mode) {
        return version == null ? null : figureColumns(asset, mode);
    }

    /**
     * The figures as the live row maps them, also before that row existed (then the flat figures, and the bookkeeping
     * of this row means nothing): what the timeline's figure columns hold.
     */
    PositionRow figureColumns(String asset, PositionMode mode) {
        return PositionRow.of(positionId, asset, mode, figures, version == null ? -1 : version, createdAt,
                lastUpdated, lastSnapshotAt);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
