package com.ytrader.positionmanager.query.history;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.eventstore.StoredEventPayloads;
import com.ytrader.positionmanager.query.features.FeatureInputs;
import com.ytrader.positionmanager.query.position.LiveRow;
import com.ytrader.positionmanager.query.position.PositionColumns;
import com.ytrader.positionmanager.query.position.PositionIds;
import com.ytrader.positionmanager.query.position.PositionRow;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The {@code position_timeline} table. */
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

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final StoredEventPayloads payloads;

    public TimelineRepository(NamedParameterJdbcTemplate named, StoredEventPayloads payloads) {
        this.named = named;
        this.jdbc = named.getJdbcTemplate();
        this.payloads = payloads;
    }

    void insert(List<TimelineRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
            TimelineHead head = row.head();
            PositionRow position = head.row(row.asset(), row.mode());
            PositionRow figures = head.figureColumns(row.asset(), row.mode());
            int i = 0;
            statement.setString(++i, head.positionId());
            statement.setLong(++i, head.sequenceNumber());
            statement.setString(++i, row.asset());
            statement.setString(++i, row.mode().wireName());
            statement.setLong(++i, row.globalIndex());
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

    /** A position's state at an instant: the row and the sequence number it reflects. */
    record AsOf(long sequenceNumber, PositionRow row) {
    }

    /**
     * The last row of the position that took effect by {@code at} (strictly before it unless {@code inclusive}) and
     * was recorded by {@code knownAt} (any time when null). Both clocks never decrease along a position's rows, so
     * the rows that qualify are a prefix and its last row is the one with the greatest effective time.
     */
    Optional<AsOf> asOf(String positionId, Instant at, boolean inclusive, Instant knownAt) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("positionId", positionId)
                .addValue("at", JdbcTimes.utc(at));
        String known = knownClause(knownAt, parameters);
        return named.query("SELECT position_id, sequence_number, asset, mode, " + PositionColumns.ROW_COLUMNS
                        + " FROM position_timeline WHERE position_id = :positionId AND effective_time "
                        + (inclusive ? "<=" : "<") + " :at" + known
                        + " ORDER BY effective_time DESC, sequence_number DESC LIMIT 1",
                parameters, (rs, rowNumber) -> new AsOf(rs.getLong("sequence_number"), positionRow(rs)))
                .stream().findFirst();
    }

    /** Total exposure of the portfolio as it stood: the sum of {@code |size| * current_price} of every position's as-of row. */
    BigDecimal exposureAt(Instant at, boolean inclusive, Instant knownAt) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("at", JdbcTimes.utc(at));
        String known = knownClause(knownAt, parameters);
        List<BigDecimal> exposures = named.query("""
                        SELECT DISTINCT ON (position_id) size, current_price FROM position_timeline
                        WHERE effective_time %s :at%s
                        ORDER BY position_id, effective_time DESC, sequence_number DESC
                        """.formatted(inclusive ? "<=" : "<", known),
                parameters, (rs, rowNumber) -> FeatureInputs.exposure(rs.getBigDecimal("size"),
                        rs.getBigDecimal("current_price")));
        return exposures.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    boolean exists(String positionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM position_timeline WHERE position_id = ?)", Boolean.class, positionId));
    }

    /**
     * One entry of the audit trail: the row, the event as the store holds it ({@code payloadJson}), and the row
     * before it (null for the first event).
     */
    record Change(long sequenceNumber, long globalIndex, String eventType, String eventIdentifier,
                  Instant businessTime, Instant effectiveTime, Instant recordedTime, Instant knownTime, String source,
                  String traceId, String messageId, String fillId, String orderId, String payloadJson,
                  PositionRow before, PositionRow after, String hash, String previousHash) {

        Change withPayloadJson(String payload) {
            return new Change(sequenceNumber, globalIndex, eventType, eventIdentifier, businessTime, effectiveTime,
                    recordedTime, knownTime, source, traceId, messageId, fillId, orderId, payload, before, after, hash,
                    previousHash);
        }
    }

    /**
     * Changes after sequence number {@code after}, oldest first, business time within [from, to] when given. The
     * payload is read from the event store, which the timeline points to by global index instead of copying it; a
     * change whose event the store does not hold is left out.
     */
    List<Change> changes(String positionId, long after, Instant from, Instant to, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("positionId", positionId)
                .addValue("after", after).addValue("limit", limit);
        StringBuilder where = new StringBuilder(" WHERE t.position_id = :positionId AND t.sequence_number > :after");
        if (from != null) {
            where.append(" AND t.business_time >= :from");
            parameters.addValue("from", JdbcTimes.utc(from));
        }
        if (to != null) {
            where.append(" AND t.business_time <= :to");
            parameters.addValue("to", JdbcTimes.utc(to));
        }
        String previousColumns = String.join(", ", java.util.Arrays.stream(PositionColumns.ROW_COLUMNS.split(", "))
                .map(column -> "p." + column + " AS p_" + column).toList());
        List<Change> changes = named.query("SELECT t.*, p.sequence_number AS p_sequence_number, " + previousColumns
                        + " FROM position_timeline t"
                        + " LEFT JOIN position_timeline p ON p.position_id = t.position_id"
                        + " AND p.sequence_number = t.sequence_number - 1" + where
                        + " ORDER BY t.sequence_number LIMIT :limit",
                parameters, (rs, rowNumber) -> new Change(
                        rs.getLong("sequence_number"),
                        rs.getLong("global_index"),
                        rs.getString("event_type"),
                        rs.getString("event_identifier"),
                        JdbcTimes.instant(rs, "business_time"),
                        JdbcTimes.instant(rs, "effective_time"),
                        JdbcTimes.instant(rs, "recorded_time"),
                        JdbcTimes.instant(rs, "known_time"),
                        rs.getString("source"),
                        rs.getString("trace_id"),
                        rs.getString("message_id"),
                        rs.getString("fill_id"),
                        rs.getString("order_id"),
                        null,
                        rs.getObject("p_sequence_number") == null ? null : positionRow(rs, "p_"),
                        positionRow(rs),
                        rs.getString("hash"),
                        rs.getString("previous_hash")));
        Map<Long, String> stored = payloads.byGlobalIndex(changes.stream().map(Change::globalIndex).toList());
        return changes.stream().filter(change -> stored.containsKey(change.globalIndex()))
                .map(change -> change.withPayloadJson(stored.get(change.globalIndex()))).toList();
    }

    /** The recorded links of a position, by sequence number. */
    List<String> hashes(String positionId) {
        List<String> hashes = new ArrayList<>();
        jdbc.query("SELECT hash FROM position_timeline WHERE position_id = ? ORDER BY sequence_number",
                rs -> {
                    hashes.add(rs.getString(1));
                }, positionId);
        return hashes;
    }

    private static String knownClause(Instant knownAt, MapSqlParameterSource parameters) {
        if (knownAt == null) {
            return "";
        }
        parameters.addValue("knownAt", JdbcTimes.utc(knownAt));
        return " AND known_time <= :knownAt";
    }

    /** The live row's columns of this timeline row; null before the live row existed. */
    static PositionRow positionRow(ResultSet rs) throws SQLException {
        return positionRow(rs, "");
    }

    private static PositionRow positionRow(ResultSet rs, String prefix) throws SQLException {
        return PositionColumns.read(rs, prefix, PositionIds.of(rs.getString("position_id")), rs.getString("asset"),
                PositionMode.fromWireName(rs.getString("mode")));
    }

    /**
     * The clocks are kept to whole microseconds, cut (never rounded up, as PostgreSQL would): a stored time is never
     * later than the true one, so an instant taken after an event was recorded is never before its stored time.
     */
    static OffsetDateTime clock(Instant instant) {
        return JdbcTimes.utc(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
