package com.ytrader.positionmanager.query.audit;

import com.ytrader.positionmanager.eventstore.StoredEventPayloads;
import com.ytrader.positionmanager.query.position.PositionColumns;
import com.ytrader.positionmanager.query.position.PositionRow;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import com.ytrader.positionmanager.query.timeline.TimelineRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A position's audit trail in {@code position_timeline}: its changes page by page, and its recorded links. */
@Repository
public class AuditTrail {

    private final NamedParameterJdbcTemplate named;
    private final StoredEventPayloads payloads;

    public AuditTrail(NamedParameterJdbcTemplate named, StoredEventPayloads payloads) {
        this.named = named;
        this.payloads = payloads;
    }

    public boolean exists(String positionId) {
        return Boolean.TRUE.equals(named.getJdbcTemplate().queryForObject(
                "SELECT EXISTS (SELECT 1 FROM position_timeline WHERE position_id = ?)", Boolean.class, positionId));
    }

    /**
     * One entry of the audit trail: the row, the event as the store holds it ({@code payloadJson}), and the row
     * before it (null for the first event).
     */
    public record Change(long sequenceNumber, long globalIndex, String eventType, String eventIdentifier,
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
    public List<Change> changes(String positionId, long after, Instant from, Instant to, int limit) {
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
        String previousColumns = String.join(", ", Arrays.stream(PositionColumns.ROW_COLUMNS.split(", "))
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
                        rs.getObject("p_sequence_number") == null ? null : TimelineRepository.positionRow(rs, "p_"),
                        TimelineRepository.positionRow(rs),
                        rs.getString("hash"),
                        rs.getString("previous_hash")));
        Map<Long, String> stored = payloads.byGlobalIndex(changes.stream().map(Change::globalIndex).toList());
        return changes.stream().filter(change -> stored.containsKey(change.globalIndex()))
                .map(change -> change.withPayloadJson(stored.get(change.globalIndex()))).toList();
    }

    /** The recorded links of a position, by sequence number. */
    public List<String> hashes(String positionId) {
        List<String> hashes = new ArrayList<>();
        named.getJdbcTemplate().query("SELECT hash FROM position_timeline WHERE position_id = ? ORDER BY sequence_number",
                rs -> {
                    hashes.add(rs.getString(1));
                }, positionId);
        return hashes;
    }
}
