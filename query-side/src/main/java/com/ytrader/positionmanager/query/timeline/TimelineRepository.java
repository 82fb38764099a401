package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.eventstore.StoredEventPayloads;
import com.ytrader.positionmanager.query.position.LiveRow;
import com.ytrader.positionmanager.query.position.PositionColumns;
import com.ytrader.positionmanager.query.position.PositionIds;
import com.ytrader.positionmanager.query.position.PositionRow;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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

    private static final String INSERT = """
            INSERT INTO position_timeline (position_id, sequence_number, asset, mode, global_index, event_type,
                event_identifier, business_time, effective_time, recorded_time, known_time, source, trace_id,
                message_id, fill_id, order_id, figures_sequence, %s, version, created_at, opened_at, last_updated,
                closed_at, last_snapshot_at, hash, previous_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (position_id, sequence_number) DO NOTHING
            """.formatted(PositionColumns.FIGURE_COLUMNS, PositionColumns.figurePlaceholders(false));

    private final JdbcTemplate jdbc;

    private final StoredEventPayloads events;

    public TimelineRepository(JdbcTemplate jdbc, StoredEventPayloads events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void insert(List<TimelineRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Long> globalIndexes = events.globalIndexes(rows.stream().map(TimelineRow::eventIdentifier)
                .toList());
        jdbc.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
            TimelineHead head = row.head();
            PositionRow position = head.row(row.asset(), row.mode());
            PositionRow figures = head.figureColumns(row.asset(), row.mode());
            int i = 0;
            statement.setString(++i, head.positionId());
            statement.setLong(++i, head.sequenceNumber());
            statement.setString(++i, row.asset());
            statement.setString(++i, row.mode().wireName());
            statement.setLong(++i, globalIndexes.getOrDefault(row.eventIdentifier(), row.globalIndex()));
            statement.setString(++i, row.eventType());
            statement.setString(++i, row.eventIdentifier());
            statement.setObject(++i, clock(row.businessTime()));
            statement.setObject(++i, clock(head.effectiveTime()));
            statement.setObject(++i, clock(row.recordedTime()));
            statement.setObject(++i, clock(head.knownTime()));
            statement.setString(++i, row.source());
            statement.setString(++i, row.traceId());
            statement.setString(++i, row.messageId());
            statement.setString(++i, row.fillId());
            statement.setString(++i, row.orderId());
            setNullableLong(statement, ++i, head.figuresSequence());
            // before the live row exists the columns hold the flat figures and no bookkeeping
            i = PositionColumns.bindFigures(statement, i + 1, figures) - 1;
            setNullableLong(statement, ++i, position == null ? null : position.version());
            statement.setObject(++i, JdbcTimes.utc(position == null ? null : position.createdAt()));
            statement.setObject(++i, JdbcTimes.utc(position == null ? null : position.openedAt()));
            statement.setObject(++i, JdbcTimes.utc(position == null ? null : position.lastUpdated()));
            statement.setObject(++i, JdbcTimes.utc(position == null ? null : position.closedAt()));
            statement.setObject(++i, JdbcTimes.utc(position == null ? null : position.lastSnapshotAt()));
            statement.setString(++i, head.hash());
            statement.setString(++i, row.previousHash());
        });
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
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
