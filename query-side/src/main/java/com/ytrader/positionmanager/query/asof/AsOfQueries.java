package com.ytrader.positionmanager.query.asof;

import com.ytrader.positionmanager.query.features.FeatureInputs;
import com.ytrader.positionmanager.query.position.PositionColumns;
import com.ytrader.positionmanager.query.position.PositionRow;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import com.ytrader.positionmanager.query.timeline.TimelineRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Point-in-time reads of {@code position_timeline}: one position's row, and the portfolio's exposure, at an instant. */
@Repository
public class AsOfQueries {

    private final NamedParameterJdbcTemplate named;

    public AsOfQueries(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** A position's state at an instant: the row and the sequence number it reflects. */
    public record AsOf(long sequenceNumber, PositionRow row) {
    }

    /**
     * The last row of the position that took effect by {@code at} (strictly before it unless {@code inclusive}) and
     * was recorded by {@code knownAt} (any time when null). Both clocks never decrease along a position's rows, so
     * the rows that qualify are a prefix and its last row is the one with the greatest effective time.
     */
    public Optional<AsOf> asOf(String positionId, Instant at, boolean inclusive, Instant knownAt) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("positionId", positionId)
                .addValue("at", JdbcTimes.utc(at));
        String known = knownClause(knownAt, parameters);
        return named.query("SELECT position_id, sequence_number, asset, mode, " + PositionColumns.ROW_COLUMNS
                        + " FROM position_timeline WHERE position_id = :positionId AND effective_time "
                        + (inclusive ? "<=" : "<") + " :at" + known
                        + " ORDER BY effective_time DESC, sequence_number DESC LIMIT 1",
                parameters, (rs, rowNumber) -> new AsOf(rs.getLong("sequence_number"), TimelineRepository.positionRow(rs)))
                .stream().findFirst();
    }

    /** Total exposure of the portfolio as it stood: the sum of {@code |size| * current_price} of every position's as-of row. */
    public BigDecimal exposureAt(Instant at, boolean inclusive, Instant knownAt) {
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

    private static String knownClause(Instant knownAt, MapSqlParameterSource parameters) {
        if (knownAt == null) {
            return "";
        }
        parameters.addValue("knownAt", JdbcTimes.utc(knownAt));
        return " AND known_time <= :knownAt";
    }
}
