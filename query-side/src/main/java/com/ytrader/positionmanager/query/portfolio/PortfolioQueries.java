package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.query.position.PriceStaleness;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/**
 * The one aggregate query over {@code positions} that every portfolio figure comes from; its exposure is
 * {@code FeatureInputs.exposure} summed in SQL.
 */
@Repository
class PortfolioQueries {

    private static final String TOTALS_BY_ASSET = """
            SELECT asset,
                   COALESCE(SUM(ABS(size) * current_price), 0)                           AS exposure,
                   SUM(unrealized_pnl)                                                   AS unrealized_pnl,
                   SUM(realized_pnl)                                                     AS realized_pnl,
                   COALESCE(SUM(size * current_price), 0)                                AS value,
                   COALESCE(SUM(size * current_price) FILTER (WHERE size > 0), 0)        AS long_exposure,
                   COALESCE(SUM(ABS(size) * current_price) FILTER (WHERE size < 0), 0)   AS short_exposure,
                   SUM(size)                                                             AS size,
                   COUNT(*) FILTER (WHERE size <> 0)                                     AS open_positions,
                   COUNT(*) FILTER (WHERE size > 0)                                      AS long_positions,
                   COUNT(*) FILTER (WHERE size < 0)                                      AS short_positions,
                   COUNT(*) FILTER (WHERE opened_at IS NOT NULL AND closed_at IS NULL
                       AND (current_price IS NULL OR price_updated_at IS NULL OR price_updated_at < ?))
                                                                                         AS stale_prices
            FROM positions
            GROUP BY asset
            """;

    private final JdbcTemplate jdbc;
    private final PriceStaleness staleness;

    PortfolioQueries(JdbcTemplate jdbc, PriceStaleness staleness) {
        this.jdbc = jdbc;
        this.staleness = staleness;
    }

    PortfolioMetrics current(Instant now) {
        List<AssetTotals> assets = jdbc.query(TOTALS_BY_ASSET, (rs, rowNumber) -> new AssetTotals(
                rs.getString("asset"),
                rs.getBigDecimal("exposure"),
                rs.getBigDecimal("unrealized_pnl"),
                rs.getBigDecimal("realized_pnl"),
                rs.getBigDecimal("value"),
                rs.getBigDecimal("long_exposure"),
                rs.getBigDecimal("short_exposure"),
                rs.getBigDecimal("size"),
                rs.getLong("open_positions"),
                rs.getLong("long_positions"),
                rs.getLong("short_positions"),
                rs.getLong("stale_prices")), JdbcTimes.utc(staleness.freshSince(now)));
        return PortfolioMetrics.of(assets, now);
    }
}
