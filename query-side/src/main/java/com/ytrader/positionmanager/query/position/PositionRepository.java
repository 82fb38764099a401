package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code positions} table. */
@Repository
public class PositionRepository {

    private static final String COLUMNS = "id, asset, mode, size, average_entry_price, current_price, unrealized_pnl, "
            + "realized_pnl, long_size, short_size, long_entry_price, short_entry_price, long_realized_pnl, "
            + "short_realized_pnl, exchange_size, exchange_realized_pnl, exchange_seq, total_fees, fees_by_currency, "
            + "close_reason, entry_notional, version, created_at, opened_at, last_updated, closed_at, last_snapshot_at";

    /**
     * Writes the figures an event carries, unless a later event of the position is already applied: replays and
     * redeliveries leave the row as it is. {@code created_at} is the time of the first event that wrote the row
     * ({@code :createdAt}, the first of the batch that writes it).
     */
    private static final String RECORD = """
            INSERT INTO positions (id, position_key, asset, mode, size, average_entry_price, current_price,
                unrealized_pnl, realized_pnl, long_size, short_size, long_entry_price, short_entry_price,
                long_realized_pnl, short_realized_pnl, exchange_size, exchange_realized_pnl, exchange_seq, total_fees,
                fees_by_currency, close_reason, entry_notional, version, created_at, opened_at, last_updated, closed_at)
            VALUES (:id, :positionKey, :asset, :mode, :size, :averageEntryPrice, :currentPrice, :unrealizedPnl,
                :realizedPnl, :longSize, :shortSize, :longEntryPrice, :shortEntryPrice, :longRealizedPnl,
                :shortRealizedPnl, :exchangeSize, :exchangeRealizedPnl, :exchangeSeq, :totalFees,
                CAST(:feesByCurrency AS jsonb), :closeReason, :entryNotional, :version, :createdAt, :openedAt, :at,
                :closedAt)
            ON CONFLICT (id) DO UPDATE SET size = EXCLUDED.size, average_entry_price = EXCLUDED.average_entry_price,
                current_price = EXCLUDED.current_price, unrealized_pnl = EXCLUDED.unrealized_pnl,
                realized_pnl = EXCLUDED.realized_pnl, long_size = EXCLUDED.long_size,
                short_size = EXCLUDED.short_size, long_entry_price = EXCLUDED.long_entry_price,
                short_entry_price = EXCLUDED.short_entry_price, long_realized_pnl = EXCLUDED.long_realized_pnl,
                short_realized_pnl = EXCLUDED.short_realized_pnl, exchange_size = EXCLUDED.exchange_size,
                exchange_realized_pnl = EXCLUDED.exchange_realized_pnl, exchange_seq = EXCLUDED.exchange_seq,
                total_fees = EXCLUDED.total_fees, fees_by_currency = EXCLUDED.fees_by_currency,
                close_reason = EXCLUDED.close_reason, entry_notional = EXCLUDED.entry_notional,
                version = EXCLUDED.version, opened_at = EXCLUDED.opened_at, last_updated = EXCLUDED.last_updated,
                closed_at = EXCLUDED.closed_at
            WHERE positions.version < EXCLUDED.version
            """;

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
        return new MapSqlParameterSource()
                .addValue("id", row.id())
                .addValue("positionKey", write.positionKey())
                .addValue("asset", write.asset())
                .addValue("mode", write.mode().wireName())
                .addValue("size", row.size())
                .addValue("averageEntryPrice", row.averageEntryPrice())
                .addValue("currentPrice", row.currentPrice())
                .addValue("unrealizedPnl", row.unrealizedPnl())
                .addValue("realizedPnl", row.realizedPnl())
                .addValue("longSize", row.longSize())
                .addValue("shortSize", row.shortSize())
                .addValue("longEntryPrice", row.longEntryPrice())
                .addValue("shortEntryPrice", row.shortEntryPrice())
                .addValue("longRealizedPnl", row.longRealizedPnl())
                .addValue("shortRealizedPnl", row.shortRealizedPnl())
                .addValue("exchangeSize", row.exchangeSize())
                .addValue("exchangeRealizedPnl", row.exchangeRealizedPnl())
                .addValue("exchangeSeq", row.exchangeSeq(), Types.BIGINT)
                .addValue("totalFees", row.totalFees())
                .addValue("feesByCurrency", PositionColumns.feesByCurrency(row.feesByCurrency()))
                .addValue("closeReason", PositionColumns.closeReason(row.closeReason()), Types.VARCHAR)
                .addValue("entryNotional", row.entryNotional())
                .addValue("version", write.version())
                .addValue("createdAt", utc(write.createdAt()))
                .addValue("at", utc(write.at()))
                .addValue("openedAt", utc(row.openedAt()))
                .addValue("closedAt", utc(row.closedAt()));
    }

    /** Records that a snapshot was taken at {@code at} by the event {@code version}; older events change nothing. */
    void recordSnapshot(String positionKey, Instant at, long version) {
        jdbc.update("UPDATE positions SET last_snapshot_at = :at, version = :version "
                        + "WHERE id = :id AND version < :version",
                new MapSqlParameterSource("id", PositionIds.of(positionKey))
                        .addValue("at", utc(at)).addValue("version", version));
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

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PositionRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new PositionRow(
                rs.getObject("id", UUID.class),
                rs.getString("asset"),
                PositionMode.fromWireName(rs.getString("mode")),
                rs.getBigDecimal("size"),
                rs.getBigDecimal("average_entry_price"),
                rs.getBigDecimal("current_price"),
                rs.getBigDecimal("unrealized_pnl"),
                rs.getBigDecimal("realized_pnl"),
                rs.getBigDecimal("long_size"),
                rs.getBigDecimal("short_size"),
                rs.getBigDecimal("long_entry_price"),
                rs.getBigDecimal("short_entry_price"),
                rs.getBigDecimal("long_realized_pnl"),
                rs.getBigDecimal("short_realized_pnl"),
                rs.getBigDecimal("exchange_size"),
                rs.getBigDecimal("exchange_realized_pnl"),
                rs.getObject("exchange_seq", Long.class),
                rs.getBigDecimal("total_fees"),
                PositionColumns.feesByCurrency(rs.getString("fees_by_currency")),
                PositionColumns.closeReason(rs.getString("close_reason")),
                rs.getBigDecimal("entry_notional"),
                rs.getLong("version"),
                instant(rs, "created_at"),
                instant(rs, "opened_at"),
                instant(rs, "last_updated"),
                instant(rs, "closed_at"),
                instant(rs, "last_snapshot_at"));
    }
}
