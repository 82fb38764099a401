package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.api.PositionFields;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionStatus;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.query.processing.CopyRows;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The columns of a position's row, in {@code positions} and {@code position_timeline} alike (same names, same
 * types): the one place that maps a {@link PositionRow} to them and back. The two figures that are not plain numbers
 * are stored as {@code fees_by_currency}, a JSONB object of decimal strings (exact, whatever the scale), and
 * {@code close_reason}, its wire name.
 */
public final class PositionColumns {

    /** A figure column: its name, JDBC type, placeholder around the parameter and value in a row. */
    private record Column(String name, int sqlType, String placeholder, Function<PositionRow, Object> value) {
        Column(String name, int sqlType, Function<PositionRow, Object> value) {
            this(name, sqlType, "%s", value);
        }
    }

    private static final List<Column> FIGURES = List.of(
            new Column("size", Types.NUMERIC, row -> row.fields().size()),
            new Column("average_entry_price", Types.NUMERIC, row -> row.fields().averageEntryPrice()),
            new Column("current_price", Types.NUMERIC, row -> row.fields().currentPrice()),
            new Column("unrealized_pnl", Types.NUMERIC, row -> row.fields().unrealizedPnl()),
            new Column("realized_pnl", Types.NUMERIC, row -> row.fields().realizedPnl()),
            new Column("long_size", Types.NUMERIC, row -> row.fields().longSize()),
            new Column("short_size", Types.NUMERIC, row -> row.fields().shortSize()),
            new Column("long_entry_price", Types.NUMERIC, row -> row.fields().longEntryPrice()),
            new Column("short_entry_price", Types.NUMERIC, row -> row.fields().shortEntryPrice()),
            new Column("long_realized_pnl", Types.NUMERIC, row -> row.fields().longRealizedPnl()),
            new Column("short_realized_pnl", Types.NUMERIC, row -> row.fields().shortRealizedPnl()),
            new Column("exchange_size", Types.NUMERIC, row -> row.fields().exchangeSize()),
            new Column("exchange_realized_pnl", Types.NUMERIC, row -> row.fields().exchangeRealizedPnl()),
            new Column("exchange_seq", Types.BIGINT, row -> row.fields().exchangeSeq()),
            new Column("total_fees", Types.NUMERIC, row -> row.fields().totalFees()),
            new Column("fees_by_currency", Types.VARCHAR, "CAST(%s AS jsonb)",
                    row -> feesByCurrency(row.fields().feesByCurrency())),
            new Column("close_reason", Types.VARCHAR, row -> closeReason(row.fields().closeReason())),
            new Column("price_source", Types.VARCHAR, row -> priceSource(row.fields().priceSource())),
            new Column("price_updated_at", Types.TIMESTAMP_WITH_TIMEZONE,
                    row -> JdbcTimes.utc(row.fields().priceUpdatedAt())),
            new Column("break_even_price", Types.NUMERIC, row -> row.fields().breakEvenPrice()),
            new Column("exchange_break_even_price", Types.NUMERIC, row -> row.fields().exchangeBreakEvenPrice()),
            new Column("leverage", Types.NUMERIC, row -> row.fields().leverage()),
            new Column("liq_price", Types.NUMERIC, row -> row.fields().liqPrice()),
            new Column("liq_price_estimated", Types.BOOLEAN, row -> row.fields().liqPriceEstimated()),
            new Column("position_value", Types.NUMERIC, row -> row.fields().positionValue()),
            new Column("position_status", Types.VARCHAR, row -> row.fields().positionStatus() == null ? null
                    : row.fields().positionStatus().wireName()),
            new Column("liquidation_distance_pct", Types.NUMERIC, row -> row.fields().liquidationDistancePct()),
            new Column("entry_notional", Types.NUMERIC, PositionRow::entryNotional));

    /** The figure columns, in the order the binders below fill them. */
    public static final String FIGURE_COLUMNS = String.join(", ", FIGURES.stream().map(Column::name).toList());

    /** The columns a {@link PositionRow} is read from ({@link #read}). */
    public static final String ROW_COLUMNS = FIGURE_COLUMNS
            + ", version, created_at, opened_at, last_updated, closed_at, last_snapshot_at";

    /** Its own mapper: the REST layer's JSON settings must not change what is stored. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, BigDecimal>> FEES = new TypeReference<>() {
    };
    private static final String NO_FEES = "{}";

    private PositionColumns() {
    }

    /** The figure columns' placeholders, in order: {@code ?} each, or {@code :column} for named parameters. */
    public static String figurePlaceholders(boolean named) {
        return String.join(", ", FIGURES.stream()
                .map(column -> column.placeholder().formatted(named ? ":" + column.name() : "?")).toList());
    }

    /** {@code column = EXCLUDED.column} for every figure column, for an upsert. */
    public static String figureUpdates() {
        return String.join(", ", FIGURES.stream().map(column -> column.name() + " = EXCLUDED." + column.name())
                .toList());
    }

    /** Binds the row's figures from parameter {@code index} on; the index after them. */
    public static int bindFigures(PreparedStatement statement, int index, PositionRow row) throws SQLException {
        for (Column column : FIGURES) {
            StatementCreatorUtils.setParameterValue(statement, index++, column.sqlType(), column.value().apply(row));
        }
        return index;
    }

    /** Appends the row's figures, in the order of {@link #FIGURE_COLUMNS}, as {@code COPY} text. */
    public static void appendFigures(CopyRows rows, PositionRow row) {
        for (Column column : FIGURES) {
            Object value = column.value().apply(row);
            switch (column.sqlType()) {
                case Types.NUMERIC -> rows.number((BigDecimal) value);
                case Types.BIGINT -> rows.number((Long) value);
                case Types.BOOLEAN -> rows.bool((Boolean) value);
                case Types.TIMESTAMP_WITH_TIMEZONE -> rows.time((OffsetDateTime) value);
                case Types.VARCHAR -> rows.text((String) value);
                default -> throw new IllegalStateException("no COPY text for SQL type " + column.sqlType());
            }
        }
    }

    /** Adds the row's figures as named parameters, named as their columns. */
    public static MapSqlParameterSource bindFigures(MapSqlParameterSource parameters, PositionRow row) {
        FIGURES.forEach(column -> parameters.addValue(column.name(), column.value().apply(row), column.sqlType()));
        return parameters;
    }

    /**
     * The row in the {@link #ROW_COLUMNS} (each named with {@code prefix}) of the current result row; null where
     * {@code version} is null (a timeline row before the live row existed).
     */
    public static PositionRow read(ResultSet rs, String prefix, UUID id, String asset, PositionMode mode)
            throws SQLException {
        Object version = rs.getObject(prefix + "version");
        if (version == null) {
            return null;
        }
        PositionFields fields = new PositionFields(
                rs.getBigDecimal(prefix + "size"),
                rs.getBigDecimal(prefix + "average_entry_price"),
                rs.getBigDecimal(prefix + "current_price"),
                rs.getBigDecimal(prefix + "unrealized_pnl"),
                rs.getBigDecimal(prefix + "realized_pnl"),
                rs.getBigDecimal(prefix + "long_size"),
                rs.getBigDecimal(prefix + "short_size"),
                rs.getBigDecimal(prefix + "long_entry_price"),
                rs.getBigDecimal(prefix + "short_entry_price"),
                rs.getBigDecimal(prefix + "long_realized_pnl"),
                rs.getBigDecimal(prefix + "short_realized_pnl"),
                rs.getBigDecimal(prefix + "exchange_size"),
                rs.getBigDecimal(prefix + "exchange_realized_pnl"),
                rs.getObject(prefix + "exchange_seq", Long.class),
                rs.getBigDecimal(prefix + "total_fees"),
                feesByCurrency(rs.getString(prefix + "fees_by_currency")),
                closeReason(rs.getString(prefix + "close_reason")),
                priceSource(rs.getString(prefix + "price_source")),
                JdbcTimes.instant(rs, prefix + "price_updated_at"),
                rs.getBigDecimal(prefix + "break_even_price"),
                rs.getBigDecimal(prefix + "exchange_break_even_price"),
                rs.getBigDecimal(prefix + "leverage"),
                rs.getBigDecimal(prefix + "liq_price"),
                rs.getObject(prefix + "liq_price_estimated", Boolean.class),
                rs.getBigDecimal(prefix + "position_value"),
                positionStatus(rs.getString(prefix + "position_status")),
                rs.getBigDecimal(prefix + "liquidation_distance_pct"));
        return new PositionRow(
                id,
                asset,
                mode,
                fields,
                rs.getBigDecimal(prefix + "entry_notional"),
                ((Number) version).longValue(),
                JdbcTimes.instant(rs, prefix + "created_at"),
                JdbcTimes.instant(rs, prefix + "opened_at"),
                JdbcTimes.instant(rs, prefix + "last_updated"),
                JdbcTimes.instant(rs, prefix + "closed_at"),
                JdbcTimes.instant(rs, prefix + "last_snapshot_at"));
    }

    public static String feesByCurrency(SortedMap<String, BigDecimal> fees) {
        if (fees.isEmpty()) {
            return NO_FEES;
        }
        Map<String, String> plain = new LinkedHashMap<>();
        fees.forEach((currency, fee) -> plain.put(currency, fee.toPlainString()));
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column's text back as the figures had it; most positions pay no fee outside the settle currency. */
    public static SortedMap<String, BigDecimal> feesByCurrency(String column) {
        if (column == null || column.equals(NO_FEES)) {
            return Collections.emptySortedMap();
        }
        try {
            return Collections.unmodifiableSortedMap(JSON.readValue(column, FEES));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String closeReason(CloseReason reason) {
        return reason == null ? null : reason.wireName();
    }

    public static String priceSource(PriceSource source) {
        return source == null ? null : source.wireName();
    }

    public static PriceSource priceSource(String column) {
        return column == null ? null : PriceSource.valueOf(column.toUpperCase(Locale.ROOT));
    }

    public static PositionStatus positionStatus(String column) {
        return column == null ? null : PositionStatus.fromWireName(column);
    }

    public static CloseReason closeReason(String column) {
        return column == null ? null : CloseReason.valueOf(column.toUpperCase(Locale.ROOT));
    }
}
