package com.ytrader.positionmanager.query.aged;

import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code aged_positions} and {@code aged_positions_history} tables. */
@Repository
class AgedPositionRepository {

    private static final String COLUMNS = "aged_id, position_id, asset, mode, position_idx, lifecycle, side, "
            + "entry_price, status, status_since, detected_at, grace_started_at, progressive_started_at, closed_at, "
            + "target_price, current_loss_tolerance_percent, breakeven_price, close_attempts, last_request_id, "
            + "hours_in_grace, hours_in_progressive, close_price, actual_pnl_percent, close_reason, "
            + "last_sequence_number, created_at, updated_at";

    /** A row written by an older event of the entry than the stored one's changes nothing. */
    private static final String RECORD = "INSERT INTO aged_positions (" + COLUMNS + """
            ) VALUES (:agedId, :positionId, :asset, :mode, :positionIdx, :lifecycle, :side, :entryPrice, :status,
                :statusSince, :detectedAt, :graceStartedAt, :progressiveStartedAt, :closedAt, :targetPrice,
                :lossTolerancePercent, :breakevenPrice, :closeAttempts, :lastRequestId, :hoursInGrace,
                :hoursInProgressive, :closePrice, :actualPnlPercent, :closeReason, :lastSequenceNumber, :createdAt,
                :updatedAt)
            ON CONFLICT (aged_id) DO UPDATE SET side = EXCLUDED.side, entry_price = EXCLUDED.entry_price,
                status = EXCLUDED.status, status_since = EXCLUDED.status_since, detected_at = EXCLUDED.detected_at,
                grace_started_at = EXCLUDED.grace_started_at, progressive_started_at = EXCLUDED.progressive_started_at,
                closed_at = EXCLUDED.closed_at, target_price = EXCLUDED.target_price,
                current_loss_tolerance_percent = EXCLUDED.current_loss_tolerance_percent,
                breakeven_price = EXCLUDED.breakeven_price, close_attempts = EXCLUDED.close_attempts,
                last_request_id = EXCLUDED.last_request_id, hours_in_grace = EXCLUDED.hours_in_grace,
                hours_in_progressive = EXCLUDED.hours_in_progressive, close_price = EXCLUDED.close_price,
                actual_pnl_percent = EXCLUDED.actual_pnl_percent, close_reason = EXCLUDED.close_reason,
                last_sequence_number = EXCLUDED.last_sequence_number, updated_at = EXCLUDED.updated_at
            WHERE aged_positions.last_sequence_number < EXCLUDED.last_sequence_number
            """;

    private static final String APPEND = """
            INSERT INTO aged_positions_history (aged_id, sequence_number, event_type, from_status, to_status,
                current_price, target_price, loss_tolerance, transition_reason, request_id, attempt, transitioned_at)
            VALUES (:agedId, :sequenceNumber, :eventType, :from, :to, :currentPrice, :targetPrice, :lossTolerance,
                :reason, :requestId, :attempt, :at)
            ON CONFLICT (aged_id, sequence_number) DO NOTHING
            """;

    /** Newest detection first; one instant's entries by lifecycle (newest first), then leg. */
    private static final String LATEST_FIRST = " ORDER BY detected_at DESC, lifecycle DESC, position_idx, aged_id";

    private static final RowMapper<AgedEntry> ENTRY = AgedPositionRepository::entry;
    private static final RowMapper<AgedTransition> TRANSITION = AgedPositionRepository::transition;

    private final NamedParameterJdbcTemplate jdbc;

    AgedPositionRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the entries (each at most once) and appends the history rows, in two statement batches. */
    void record(Collection<AgedEntry> entries, List<AgedTransition> transitions) {
        jdbc.batchUpdate(RECORD, entries.stream().map(AgedPositionRepository::parameters)
                .toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate(APPEND, transitions.stream().map(AgedPositionRepository::parameters)
                .toArray(MapSqlParameterSource[]::new));
    }

    Optional<AgedEntry> find(UUID agedId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM aged_positions WHERE aged_id = :agedId",
                new MapSqlParameterSource("agedId", agedId), ENTRY).stream().findFirst();
    }

    /** Entries newest first, at most {@code limit}; a null filter selects all. */
    List<AgedEntry> list(AgedPhase status, String asset, PositionMode mode, int limit) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
        if (status != null) {
            conditions.add("status = :status");
            parameters.addValue("status", status.wireName());
        }
        if (asset != null) {
            conditions.add("asset = :asset");
            parameters.addValue("asset", asset);
        }
        if (mode != null) {
            conditions.add("mode = :mode");
            parameters.addValue("mode", mode.wireName());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.query("SELECT " + COLUMNS + " FROM aged_positions" + where + LATEST_FIRST + " LIMIT :limit",
                parameters, ENTRY);
    }

    /** The latest entry of the position; of one leg when {@code positionIdx} is given, else of any. */
    Optional<AgedEntry> latest(String asset, PositionMode mode, Integer positionIdx) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("asset", asset).addValue("mode", mode.wireName());
        String leg = "";
        if (positionIdx != null) {
            leg = " AND position_idx = :positionIdx";
            parameters.addValue("positionIdx", positionIdx);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM aged_positions WHERE asset = :asset AND mode = :mode" + leg
                + LATEST_FIRST + " LIMIT 1", parameters, ENTRY).stream().findFirst();
    }

    /** The entry's history, oldest first: in the order of the position's events. */
    List<AgedTransition> history(UUID agedId) {
        return jdbc.query("SELECT * FROM aged_positions_history WHERE aged_id = :agedId ORDER BY sequence_number",
                new MapSqlParameterSource("agedId", agedId), TRANSITION);
    }

    /** Entries by status, every status present (0 when none). */
    Map<AgedPhase, Long> countByStatus() {
        Map<AgedPhase, Long> counts = new EnumMap<>(AgedPhase.class);
        for (AgedPhase phase : AgedPhase.values()) {
            counts.put(phase, 0L);
        }
        jdbc.query("SELECT status, count(*) AS entries FROM aged_positions GROUP BY status", rs -> {
            counts.put(AgedPhase.fromWireName(rs.getString("status")), rs.getLong("entries"));
        });
        return counts;
    }

    /** Empties both tables, and only them, before a replay rebuilds them. */
    void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE aged_positions, aged_positions_history");
    }

    private static MapSqlParameterSource parameters(AgedEntry entry) {
        return new MapSqlParameterSource()
                .addValue("agedId", entry.agedId)
                .addValue("positionId", entry.positionId)
                .addValue("asset", entry.asset)
                .addValue("mode", entry.mode.wireName())
                .addValue("positionIdx", entry.positionIdx)
                .addValue("lifecycle", entry.lifecycle)
                .addValue("side", entry.side == null ? null : entry.side.wireName(), Types.VARCHAR)
                .addValue("entryPrice", entry.entryPrice, Types.NUMERIC)
                .addValue("status", entry.status.wireName())
                .addValue("statusSince", utc(entry.statusSince))
                .addValue("detectedAt", utc(entry.detectedAt))
                .addValue("graceStartedAt", utc(entry.graceStartedAt))
                .addValue("progressiveStartedAt", utc(entry.progressiveStartedAt))
                .addValue("closedAt", utc(entry.closedAt))
                .addValue("targetPrice", entry.targetPrice, Types.NUMERIC)
                .addValue("lossTolerancePercent", entry.lossTolerancePercent, Types.NUMERIC)
                .addValue("breakevenPrice", entry.breakevenPrice, Types.NUMERIC)
                .addValue("closeAttempts", entry.closeAttempts)
                .addValue("lastRequestId", entry.lastRequestId, Types.VARCHAR)
                .addValue("hoursInGrace", entry.hoursInGrace, Types.NUMERIC)
                .addValue("hoursInProgressive", entry.hoursInProgressive, Types.NUMERIC)
                .addValue("closePrice", entry.closePrice, Types.NUMERIC)
                .addValue("actualPnlPercent", entry.actualPnlPercent, Types.NUMERIC)
                .addValue("closeReason", entry.closeReason == null ? null : entry.closeReason.wireName(),
                        Types.VARCHAR)
                .addValue("lastSequenceNumber", entry.lastSequenceNumber)
                .addValue("createdAt", utc(entry.createdAt))
                .addValue("updatedAt", utc(entry.updatedAt));
    }

    private static MapSqlParameterSource parameters(AgedTransition transition) {
        return new MapSqlParameterSource()
                .addValue("agedId", transition.agedId())
                .addValue("sequenceNumber", transition.sequenceNumber())
                .addValue("eventType", transition.eventType())
                .addValue("from", transition.from() == null ? null : transition.from().wireName(), Types.VARCHAR)
                .addValue("to", transition.to().wireName())
                .addValue("currentPrice", transition.currentPrice(), Types.NUMERIC)
                .addValue("targetPrice", transition.targetPrice(), Types.NUMERIC)
                .addValue("lossTolerance", transition.lossTolerancePercent(), Types.NUMERIC)
                .addValue("reason", transition.reason(), Types.VARCHAR)
                .addValue("requestId", transition.requestId(), Types.VARCHAR)
                .addValue("attempt", transition.attempt(), Types.INTEGER)
                .addValue("at", utc(transition.at()));
    }

    private static AgedEntry entry(ResultSet rs, int rowNumber) throws SQLException {
        AgedEntry entry = new AgedEntry(rs.getObject("aged_id", UUID.class), rs.getString("position_id"),
                rs.getString("asset"), PositionMode.fromWireName(rs.getString("mode")), rs.getInt("position_idx"),
                rs.getInt("lifecycle"));
        String side = rs.getString("side");
        entry.side = side == null ? null : Side.fromWireName(side);
        entry.entryPrice = rs.getBigDecimal("entry_price");
        entry.status = AgedPhase.fromWireName(rs.getString("status"));
        entry.statusSince = instant(rs, "status_since");
        entry.detectedAt = instant(rs, "detected_at");
        entry.graceStartedAt = instant(rs, "grace_started_at");
        entry.progressiveStartedAt = instant(rs, "progressive_started_at");
        entry.closedAt = instant(rs, "closed_at");
        entry.targetPrice = rs.getBigDecimal("target_price");
        entry.lossTolerancePercent = rs.getBigDecimal("current_loss_tolerance_percent");
        entry.breakevenPrice = rs.getBigDecimal("breakeven_price");
        entry.closeAttempts = rs.getInt("close_attempts");
        entry.lastRequestId = rs.getString("last_request_id");
        entry.hoursInGrace = rs.getBigDecimal("hours_in_grace");
        entry.hoursInProgressive = rs.getBigDecimal("hours_in_progressive");
        entry.closePrice = rs.getBigDecimal("close_price");
        entry.actualPnlPercent = rs.getBigDecimal("actual_pnl_percent");
        String closeReason = rs.getString("close_reason");
        entry.closeReason = closeReason == null ? null : AgedCloseReason.valueOf(closeReason.toUpperCase(Locale.ROOT));
        entry.lastSequenceNumber = rs.getLong("last_sequence_number");
        entry.createdAt = instant(rs, "created_at");
        entry.updatedAt = instant(rs, "updated_at");
        return entry;
    }

    private static AgedTransition transition(ResultSet rs, int rowNumber) throws SQLException {
        String from = rs.getString("from_status");
        return new AgedTransition(rs.getObject("aged_id", UUID.class), rs.getLong("sequence_number"),
                rs.getString("event_type"), from == null ? null : AgedPhase.fromWireName(from),
                AgedPhase.fromWireName(rs.getString("to_status")), rs.getBigDecimal("current_price"),
                rs.getBigDecimal("target_price"), rs.getBigDecimal("loss_tolerance"),
                rs.getString("transition_reason"), rs.getString("request_id"), rs.getObject("attempt", Integer.class),
                instant(rs, "transitioned_at"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
