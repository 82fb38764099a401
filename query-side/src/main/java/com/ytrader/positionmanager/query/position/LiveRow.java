package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.CarriesPositionFigures;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;

import java.time.Instant;

/**
 * The rule of the live {@code positions} row, the one place that says which event writes what into it. The
 * projection applies it to the table ({@link PositionProjection}); the timeline applies it to the row it carries
 * forward, so that a point-in-time state shows the live row exactly as it stood.
 *
 * <ul>
 *   <li>an event that carries figures (except a snapshot) writes them: {@code version} becomes its sequence number,
 *       {@code last_updated} its recorded time, and {@code created_at} is the recorded time of the first such event;
 *   <li>a snapshot taken, or a lifecycle closed, marks an existing row: {@code version} and {@code last_snapshot_at}
 *       (the time taken, or the time closed); before the row exists it marks nothing;
 *   <li>any other event leaves the row as it is.
 * </ul>
 */
public final class LiveRow {

    private LiveRow() {
    }

    /** What an event does to the live row. */
    public sealed interface Change {
    }

    /** The event's figures are the row's figures from now on. */
    public record FiguresWritten(PositionFigures figures) implements Change {
    }

    /** A snapshot of the row was kept at {@code at}. */
    public record SnapshotMarked(Instant at) implements Change {
    }

    /** The event changes nothing in the row. */
    public record Unchanged() implements Change {
    }

    private static final Change UNCHANGED = new Unchanged();

    public static Change change(PositionEvent event) {
        if (event instanceof PositionSnapshotTaken taken) {
            return new SnapshotMarked(taken.takenAt());
        }
        if (event instanceof PositionClosed closed) {
            return new SnapshotMarked(closed.lifecycle().closedAt());
        }
        if (event instanceof CarriesPositionFigures carrier) {
            return new FiguresWritten(carrier.position());
        }
        return UNCHANGED;
    }

    /**
     * The row's bookkeeping besides its figures.
     *
     * @param createdAt recorded time of the first event that wrote figures
     */
    public record Bookkeeping(long version, Instant createdAt, Instant lastUpdated, Instant lastSnapshotAt) {

        /**
         * The bookkeeping after event {@code sequenceNumber}, recorded at {@code recordedAt}; {@code previous} is null
         * while the row does not exist, and so is the result when the event does not create it.
         */
        public static Bookkeeping after(Bookkeeping previous, PositionEvent event, long sequenceNumber,
                                        Instant recordedAt) {
            Change change = change(event);
            if (change instanceof FiguresWritten) {
                return new Bookkeeping(sequenceNumber, previous == null ? recordedAt : previous.createdAt(),
                        recordedAt, previous == null ? null : previous.lastSnapshotAt());
            }
            if (change instanceof SnapshotMarked marked && previous != null) {
                return new Bookkeeping(sequenceNumber, previous.createdAt(), previous.lastUpdated(), marked.at());
            }
            return previous;
        }
    }
}
