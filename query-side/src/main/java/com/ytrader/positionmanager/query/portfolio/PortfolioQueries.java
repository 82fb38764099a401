package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.query.processing.JdbcTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * Reads what the portfolio is made of from {@code positions}: every row, or only those written since a previous read
 * (changeset {@code query-side/008-portfolio-changes}). Both in one snapshot of the table with the marks the next read
 * starts from, so that no commit falls between two reads: the rows written by a transaction still running at this
 * read, or started after it, have a {@code written_xid} at least this snapshot's oldest running transaction.
 */
@Repository
class PortfolioQueries {

    private static final String COLUMNS = """
            SELECT id, asset, size, current_price, unrealized_pnl, realized_pnl, opened_at, closed_at, price_updated_at
            FROM positions
            """;
    private static final RowMapper<PositionContribution> CONTRIBUTION = (rs, rowNumber) -> PositionContribution.of(
            rs.getObject("id", UUID.class), rs.getString("asset"), rs.getBigDecimal("size"),
            rs.getBigDecimal("current_price"), rs.getBigDecimal("unrealized_pnl"), rs.getBigDecimal("realized_pnl"),
            JdbcTimes.instant(rs, "opened_at"), JdbcTimes.instant(rs, "closed_at"),
            JdbcTimes.instant(rs, "price_updated_at"));

    /**
     * Where a read left off: the oldest transaction still running when it read ({@code xid8}, as text), and the
     * number of times the table had been emptied.
     */
    record Mark(String oldestRunning, long resets) {
    }

    /** @param whole every row of the table, not only the changed ones */
    record Read(Mark mark, boolean whole, List<PositionContribution> rows) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    PortfolioQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The rows written since {@code previous} was read; every row when there is no previous read or rows were deleted. */
    Read since(Mark previous) {
        return snapshot.execute(status -> {
            Mark mark = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS oldest_running, "
                            + "(SELECT count FROM positions_resets) AS resets",
                    (rs, rowNumber) -> new Mark(rs.getString("oldest_running"), rs.getLong("resets")));
            if (previous == null || previous.resets() != mark.resets()) {
                return new Read(mark, true, jdbc.query(COLUMNS, CONTRIBUTION));
            }
            return new Read(mark, false, jdbc.query(COLUMNS + " WHERE written_xid >= ?::xid8", CONTRIBUTION,
                    previous.oldestRunning()));
        });
    }
}
