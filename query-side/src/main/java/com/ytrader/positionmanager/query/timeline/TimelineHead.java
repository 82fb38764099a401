package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.events.CarriesPositionFigures;
import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.position.LiveRow;
import com.ytrader.positionmanager.query.position.PositionRow;

import java.time.Instant;

/**
 * A position right after one of its events, as the timeline carries it forward: the figures (and which event carried
 * them), the bookkeeping of the live {@code positions} row ({@link LiveRow}'s rule, as the projection applies it), the
 * two running-maximum clocks and the audit link.
 *
 * @param figuresSequence the sequence number of the event that carried {@code figures}; null while flat
 * @param liveRow         the live row's bookkeeping; null until an event carrying figures created the row
 */
record TimelineHead(
        String positionId,
        long sequenceNumber,
        PositionFigures figures,
        Long figuresSequence,
        LiveRow.Bookkeeping liveRow,
        Instant effectiveTime,
        Instant knownTime,
        String hash) {

    /** The state after {@code event}; {@code previous} is the state after the position's event before it, or null. */
    static TimelineHead after(TimelineHead previous, PositionEvent event, long sequenceNumber, Instant recordedAt,
                              String hash) {
        Long figuresSequence = previous == null ? null : previous.figuresSequence();
        PositionFigures figures = figuresSequence == null ? PositionFigures.flat(event.mode()) : previous.figures();
        PositionFigures carried = carriedFigures(event);
        if (carried != null) {
            figures = carried;
            figuresSequence = sequenceNumber;
        }
        LiveRow.Bookkeeping liveRow = LiveRow.Bookkeeping.after(previous == null ? null : previous.liveRow(), event,
                sequenceNumber, recordedAt);
        Instant effective = latest(previous == null ? null : previous.effectiveTime(), event.occurredAt());
        Instant known = latest(previous == null ? null : previous.knownTime(), recordedAt);
        return new TimelineHead(event.positionId(), sequenceNumber, figures, figuresSequence, liveRow, effective,
                known, hash);
    }

    /** The figures the event itself carries (the state after it), null when it carries none. */
    static PositionFigures carriedFigures(PositionEvent event) {
        return event instanceof CarriesPositionFigures carrier ? carrier.position() : null;
    }

    /** The live read model's row as it stood after this event; null before the row existed. */
    PositionRow row(String asset, PositionMode mode) {
        return liveRow == null ? null : figureColumns(asset, mode);
    }

    /** The same, given this head's {@link #figureColumns} (a timeline row needs both: mapped once). */
    PositionRow row(PositionRow figureColumns) {
        return liveRow == null ? null : figureColumns;
    }

    /**
     * The figures as the live row maps them, also before that row existed (then the flat figures, and the bookkeeping
     * of this row means nothing): what the timeline's figure columns hold.
     */
    PositionRow figureColumns(String asset, PositionMode mode) {
        return liveRow == null
                ? PositionRow.of(positionId, asset, mode, figures, -1, null, null, null)
                : PositionRow.of(positionId, asset, mode, figures, liveRow.version(), liveRow.createdAt(),
                liveRow.lastUpdated(), liveRow.lastSnapshotAt());
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
