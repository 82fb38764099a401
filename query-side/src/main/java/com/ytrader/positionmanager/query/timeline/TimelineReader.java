package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.query.position.PositionColumns;
import com.ytrader.positionmanager.query.position.PositionRow;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;

/**
 * The rows of {@code position_timeline} in {@code (effective_time, position_id, sequence_number)} order, read and
 * decoded on a thread of its own while the caller consumes them. The driver fetches a batch only when the last one is
 * consumed, so in one thread PostgreSQL would wait for the batch's processing and the processing for PostgreSQL;
 * this way both run at once (the machine this was measured on has two cores).
 *
 * <p>Memory: at most {@link #BATCHES} batches of {@link #BATCH} rows wait between the two threads.
 */
public final class TimelineReader implements AutoCloseable {

    /** One timeline row: the position's state after the event ({@code row} is null before the live row existed). */
    public record Entry(String positionId, long sequenceNumber, long effectiveMicros, PositionRow row) {
    }

    private static final int FETCH_SIZE = 10_000;
    private static final int BATCH = 1_000;
    private static final int BATCHES = 16;

    /** Batches of entries; an empty batch ends the stream. */
    private final BlockingQueue<List<Entry>> batches = new ArrayBlockingQueue<>(BATCHES);
    private final Thread reader;
    private volatile Throwable failure;
    private List<Entry> batch = List.of();
    private int next;
    private boolean ended;

    /**
     * Starts reading the rows that took effect by {@code until} (strictly before it unless {@code inclusive}), recorded
     * by {@code knownAt} when given.
     */
    public TimelineReader(DataSource dataSource, Instant until, boolean inclusive, Instant knownAt) {
        reader = new Thread(() -> read(dataSource, until, inclusive, knownAt), "training-timeline-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next row, null after the last one. */
    public Entry next() throws SQLException {
        if (next == batch.size()) {
            if (ended) {
                return null;
            }
            try {
                batch = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading position_timeline", e);
            }
            next = 0;
            if (batch.isEmpty()) {
                ended = true;
                if (failure instanceof SQLException sql) {
                    throw sql;
                }
                if (failure != null) {
                    throw new IllegalStateException("reading position_timeline failed", failure);
                }
                return null;
            }
        }
        return batch.get(next++);
    }

    /** Stops the reader if the caller gave up before the end. */
    @Override
    public void close() {
        reader.interrupt();
    }

    private void read(DataSource dataSource, Instant until, boolean inclusive, Instant knownAt) {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result set only inside a transaction with a fetch size
            connection.setAutoCommit(false);
            try {
                readRows(connection, until, inclusive, knownAt);
            } finally {
                // nothing was written: ending the transaction only releases the snapshot
                connection.rollback();
            }
        } catch (InterruptedException stopped) {
            return;
        } catch (Throwable e) {
            failure = e;
        }
        try {
            batches.put(List.of());
        } catch (InterruptedException stopped) {
            // the caller closed: nobody waits for the end
        }
    }

    private void readRows(Connection connection, Instant until, boolean inclusive, Instant knownAt)
            throws SQLException, InterruptedException {
        try (Statement settings = connection.createStatement()) {
            // the index gives the order and streams from the first row; over most of the table the planner would
            // rather sort all of it first (seconds before the first row), and JIT compiling would not pay off
            settings.execute("SET LOCAL enable_sort = off; SET LOCAL jit = off");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT position_id, sequence_number, asset, mode, effective_time, "
                        + PositionColumns.ROW_COLUMNS + " FROM position_timeline WHERE effective_time "
                        + (inclusive ? "<=" : "<") + " ?"
                        + (knownAt == null ? "" : " AND known_time <= ?")
                        + " ORDER BY effective_time, position_id, sequence_number",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            // binary results from the first execution: numbers and times cost PostgreSQL and the driver far less
            // than their text, over a million rows
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            statement.setObject(1, JdbcTimes.utc(until));
            if (knownAt != null) {
                statement.setObject(2, JdbcTimes.utc(knownAt));
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Entry> entries = new ArrayList<>(BATCH);
                while (rs.next()) {
                    entries.add(new Entry(rs.getString("position_id"), rs.getLong("sequence_number"),
                            Timestamps.micros(JdbcTimes.instant(rs, "effective_time")),
                            TimelineRepository.positionRow(rs)));
                    if (entries.size() == BATCH) {
                        batches.put(entries);
                        entries = new ArrayList<>(BATCH);
                    }
                }
                if (!entries.isEmpty()) {
                    batches.put(entries);
                }
            }
        }
    }
}
