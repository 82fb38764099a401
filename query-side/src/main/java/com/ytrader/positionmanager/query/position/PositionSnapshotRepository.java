package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code position_snapshots} table; {@code snapshot_data} is JSONB in the REST API's JSON (decimals as strings). */
@Repository
public class PositionSnapshotRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    public PositionSnapshotRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the snapshot unless it exists: its id comes from the event that took it, so replays add nothing. */
    public void insert(UUID id, UUID positionId, String asset, PositionMode mode, Object data, Instant createdAt) {
        jdbc.update("""
                        INSERT INTO position_snapshots (id, position_id, asset, mode, snapshot_data, created_at)
                        VALUES (:id, :positionId, :asset, :mode, CAST(:data AS jsonb), :createdAt)
                        ON CONFLICT (id) DO NOTHING
                        """,
                new MapSqlParameterSource("id", id).addValue("positionId", positionId).addValue("asset", asset)
                        .addValue("mode", mode.wireName()).addValue("data", write(data))
                        .addValue("createdAt", JdbcTimes.utc(createdAt)));
    }

    /** Empties the table, before a replay rebuilds it. */
    void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE position_snapshots");
    }

    /** Newest first; ties broken by id so that pages never overlap. */
    /** @return how many snapshots taken before {@code cutoff} were deleted */
    public int deleteTakenBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM position_snapshots WHERE created_at < :cutoff",
                new MapSqlParameterSource("cutoff", JdbcTimes.utc(cutoff)));
    }

    public List<PositionSnapshotRow> page(UUID positionId, int limit, int offset) {
        return jdbc.query("""
                        SELECT id, position_id, asset, mode, snapshot_data, created_at FROM position_snapshots
                        WHERE position_id = :positionId ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset
                        """,
                new MapSqlParameterSource("positionId", positionId).addValue("limit", limit)
                        .addValue("offset", offset),
                (rs, rowNumber) -> new PositionSnapshotRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("position_id", UUID.class),
                        rs.getString("asset"),
                        PositionMode.fromWireName(rs.getString("mode")),
                        read(rs.getString("snapshot_data")),
                        JdbcTimes.instant(rs, "created_at")));
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
