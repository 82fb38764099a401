package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code positions} table. */
@Repository
public class PositionRepository {

    private static final String COLUMNS = "id, asset, mode, " + PositionColumns.ROW_COLUMNS;

    /**
     * Writes the figures an event carries, unless a later event of the position is already applied: replays and
     * redeliveries leave the row as it is. {@code created_at} is the time of the first event that wrote the row
     * ({@code :createdAt}, the first of the batch that writes it).
     */
    private static final String RECORD = """
            INSERT INTO positions (id, position_key, asset, mode, %s, version, created_at, opened_at, last_updated,
                closed_at)
            VALUES (:id, :positionKey, :asset, :mode, %s, :version, :createdAt, :openedAt, :at, :closedAt)
            ON CONFLICT (id) DO UPDATE SET %s, version = EXCLUDED.version, opened_at = EXCLUDED.opened_at,
                last_updated = EXCLUDED.last_updated, closed_at = EXCLUDED.closed_at
            WHERE positions.version < EXCLUDED.version
            """.formatted(PositionColumns.FIGURE_COLUMNS, PositionColumns.figurePlaceholders(true),
            PositionColumns.figureUpdates());

    private static final RowMapper<PositionRow> ROW = PositionRepository::row;

    private final NamedParameterJdbcTemplate jdbc;

    public PositionRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A position's figures after event {@code version}, recorded at {@code at}; a new row is created at
     * {@code createdAt}, the first event of the batch that writes it.
     */
    record FiguresWrite(String positionKey, String asset, PositionMode mode, PositionFigures figures, long version,
                        Instant createdAt, Instant at) {
    }

    /** Writes the figures of several positions (each at most once) in one statement batch. */
    void record(Collection<FiguresWrite> writes) {
        jdbc.batchUpdate(RECORD, writes.stream().map(PositionRepository::parameters)
                .toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource parameters(FiguresWrite write) {
        PositionRow row = PositionRow.of(write.positionKey(), write.asset(), write.mode(), write.figures(),
                write.version(), write.createdAt(), write.at(), null);
        return PositionColumns.bindFigures(new MapSqlParameterSource(), row)
                .addValue("id", row.id())
                .addValue("positionKey", write.positionKey())
                .addValue("asset", write.asset())
                .addValue("mode", write.mode().wireName())
                .addValue("version", write.version())
                .addValue("createdAt", JdbcTimes.utc(write.createdAt()))
                .addValue("at", JdbcTimes.utc(write.at()))
                .addValue("openedAt", JdbcTimes.utc(row.openedAt()))
                .addValue("closedAt", JdbcTimes.utc(row.closedAt()));
    }

    /** Records that a snapshot was taken at {@code at} by the event {@code version}; older events change nothing. */
    void recordSnapshot(String positionKey, Instant at, long version) {
        jdbc.update("UPDATE positions SET last_snapshot_at = :at, version = :version "
                        + "WHERE id = :id AND version < :version",
                new MapSqlParameterSource("id", PositionIds.of(positionKey))
                        .addValue("at", JdbcTimes.utc(at)).addValue("version", version));
    }

    public Optional<PositionRow> find(String asset, PositionMode mode) {
        return jdbc.query("SELECT " + COLUMNS + " FROM positions WHERE asset = :asset AND mode = :mode",
                new MapSqlParameterSource("asset", asset).addValue("mode", mode.wireName()), ROW).stream().findFirst();
    }

    public Optional<PositionRow> find(String positionKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM positions WHERE id = :id",
                new MapSqlParameterSource("id", PositionIds.of(positionKey)), ROW).stream().findFirst();
    }

    public List<PositionRow> findAll(PositionFilter filter) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (filter.asset() != null) {
            conditions.add("asset = :asset");
            parameters.addValue("asset", filter.asset());
        }
        if (filter.mode() != null) {
            conditions.add("mode = :mode");
            parameters.addValue("mode", filter.mode().wireName());
        }
        if (filter.sizeMin() != null) {
            conditions.add("size >= :sizeMin");
            parameters.addValue("sizeMin", filter.sizeMin());
        }
        if (filter.sizeMax() != null) {
            conditions.add("size <= :sizeMax");
            parameters.addValue("sizeMax", filter.sizeMax());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.query("SELECT " + COLUMNS + " FROM positions" + where + " ORDER BY asset, mode", parameters, ROW);
    }

    public long count() {
        Long count = jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM positions", Long.class);
        return count == null ? 0 : count;
    }

    /** Empties the table, before a replay rebuilds it. */
    void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE positions");
    }

    private static PositionRow row(ResultSet rs, int rowNumber) throws SQLException {
        return PositionColumns.read(rs, "", rs.getObject("id", UUID.class), rs.getString("asset"),
                PositionMode.fromWireName(rs.getString("mode")));
    }
}
