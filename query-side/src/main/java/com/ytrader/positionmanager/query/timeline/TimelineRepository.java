package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.eventstore.StoredEventPayloads;
import com.ytrader.positionmanager.query.position.LiveRow;
import com.ytrader.positionmanager.query.position.PositionColumns;
import com.ytrader.positionmanager.query.position.PositionIds;
import com.ytrader.positionmanager.query.position.PositionRow;
import com.ytrader.positionmanager.query.processing.CopyRows;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code position_timeline} table as its projection writes and reads it, and how a row maps back to the live
 * row's columns; the capabilities built on it (as-of, audit trail, training batch) query it themselves.
 */
@Repository
public class TimelineRepository {

    /** The columns in the order {@link #copyText} writes them. */
    private static final String COLUMNS = """
            position_id, sequence_number, asset, mode, global_index, event_type, event_identifier, business_time,
            effective_time, recorded_time, known_time, source, trace_id, message_id, fill_id, order_id,
            figures_sequence, %s, version, created_at, opened_at, last_updated, closed_at, last_snapshot_at, hash,
            previous_hash""".formatted(PositionColumns.FIGURE_COLUMNS);
    private static final String COPY = "COPY position_timeline (" + COLUMNS + ") FROM STDIN";
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTemplate jdbc;

    private final StoredEventPayloads events;

    public TimelineRepository(JdbcTemplate jdbc, StoredEventPayloads events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Appends the rows with one {@code COPY}. A row whose event has one already (a redelivered event) is left as it
     * is: {@code COPY} has no {@code ON CONFLICT}, so a duplicate key rolls back to before the {@code COPY}, which
     * is repeated without the rows that exist.
     */
    void insert(List<TimelineRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Long> globalIndexes = events.globalIndexes(rows.stream().map(TimelineRow::eventIdentifier)
                .toList());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            // outside a transaction (a test's batch) a failed statement leaves nothing to roll back
            Savepoint beforeCopy = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                copyIn(copy, rows, globalIndexes);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                if (beforeCopy != null) {
                    connection.rollback(beforeCopy);
                }
                List<TimelineRow> missing = missing(connection, rows);
                if (!missing.isEmpty()) {
                    copyIn(copy, missing, globalIndexes);
                }
                return null;
            }
            if (beforeCopy != null) {
                connection.releaseSavepoint(beforeCopy);
            }
            return null;
        });
    }

    private static void copyIn(CopyManager copy, List<TimelineRow> rows, Map<String, Long> globalIndexes)
            throws SQLException {
        try {
            copy.copyIn(COPY, copyText(rows, globalIndexes));
        } catch (IOException e) {
            // reading the rows' text in memory: never
            throw new UncheckedIOException(e);
        }
    }

    /** The rows whose key is not in the table yet, each key once (the first row of it). */
    private static List<TimelineRow> missing(Connection connection, List<TimelineRow> rows) throws SQLException {
        Map<String, TimelineRow> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.putIfAbsent(key(row.head().positionId(), row.head().sequenceNumber()), row));
        try (PreparedStatement existing = connection.prepareStatement("""
                SELECT position_id, sequence_number FROM position_timeline
                WHERE (position_id, sequence_number) IN (SELECT * FROM unnest(?::varchar[], ?::bigint[]))
                """)) {
            existing.setArray(1, connection.createArrayOf("varchar",
                    rows.stream().map(row -> row.head().positionId()).toArray()));
            existing.setArray(2, connection.createArrayOf("bigint",
                    rows.stream().map(row -> row.head().sequenceNumber()).toArray()));
            try (ResultSet rs = existing.executeQuery()) {
                while (rs.next()) {
                    byKey.remove(key(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String key(String positionId, long sequenceNumber) {
        return positionId + '#' + sequenceNumber;
    }

    private static Reader copyText(List<TimelineRow> rows, Map<String, Long> globalIndexes) {
        CopyRows text = new CopyRows();
        for (TimelineRow row : rows) {
            TimelineHead head = row.head();
            PositionRow figures = head.figureColumns(row.asset(), row.mode());
            PositionRow position = head.row(figures);
            text.text(head.positionId())
                    .number(head.sequenceNumber())
                    .text(row.asset())
                    .text(row.mode().wireName())
                    .number(globalIndexes.getOrDefault(row.eventIdentifier(), row.globalIndex()))
                    .text(row.eventType())
                    .text(row.eventIdentifier())
                    .time(clock(row.businessTime()))
                    .time(clock(head.effectiveTime()))
                    .time(clock(row.recordedTime()))
                    .time(clock(head.knownTime()))
                    .text(row.source())
                    .text(row.traceId())
                    .text(row.messageId())
                    .text(row.fillId())
                    .text(row.orderId())
                    .number(head.figuresSequence());
            // before the live row exists the columns hold the flat figures and no bookkeeping
            PositionColumns.appendFigures(text, figures);
            text.number(position == null ? null : position.version())
                    .time(position == null ? null : position.createdAt())
                    .time(position == null ? null : position.openedAt())
                    .time(position == null ? null : position.lastUpdated())
                    .time(position == null ? null : position.closedAt())
                    .time(position == null ? null : position.lastSnapshotAt())
                    .text(head.hash())
                    .text(row.previousHash())
                    .endRow();
        }
        return text.reader();
    }

    void truncate() {
        jdbc.execute("TRUNCATE position_timeline");
    }

    /**
     * The head after event {@code sequenceNumber} as recorded; its figures are not in the table but in the event
     * that carried them, which {@code figuresOf} reads (given the sequence number, null while the position was flat).
     */
    Optional<TimelineHead> head(String positionId, long sequenceNumber, Function<Long, PositionFigures> figuresOf) {
        return jdbc.query("""
                        SELECT position_id, sequence_number, figures_sequence, version, created_at, last_updated,
                            last_snapshot_at, effective_time, known_time, hash
                        FROM position_timeline WHERE position_id = ? AND sequence_number = ?
                        """,
                (rs, rowNumber) -> new TimelineHead(
                        rs.getString("position_id"),
                        rs.getLong("sequence_number"),
                        figuresOf.apply((Long) rs.getObject("figures_sequence")),
                        (Long) rs.getObject("figures_sequence"),
                        rs.getObject("version") == null ? null : new LiveRow.Bookkeeping(rs.getLong("version"),
                                JdbcTimes.instant(rs, "created_at"), JdbcTimes.instant(rs, "last_updated"),
                                JdbcTimes.instant(rs, "last_snapshot_at")),
                        JdbcTimes.instant(rs, "effective_time"),
                        JdbcTimes.instant(rs, "known_time"),
                        rs.getString("hash")),
                positionId, sequenceNumber).stream().findFirst();
    }

    /** The live row's columns of this timeline row; null before the live row existed. */
    public static PositionRow positionRow(ResultSet rs) throws SQLException {
        return positionRow(rs, "");
    }

    /** The same, from the columns named with {@code prefix}. */
    public static PositionRow positionRow(ResultSet rs, String prefix) throws SQLException {
        return PositionColumns.read(rs, prefix, PositionIds.of(rs.getString("position_id")), rs.getString("asset"),
                PositionMode.fromWireName(rs.getString("mode")));
    }

    /**
     * The clocks are kept to whole microseconds, cut (never rounded up, as PostgreSQL would): a stored time is never
     * later than the true one, so an instant taken after an event was recorded is never before its stored time.
     */
    public static OffsetDateTime clock(Instant instant) {
        return JdbcTimes.utc(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
