package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portfolio kept in memory follows {@code positions} whoever writes it and in whatever order the writers commit:
 * the writes below are made on connections of their own, as another instance's read-model processor makes them,
 * and each must show in the totals without this instance's processor knowing of it.
 */
class PortfolioFollowsPositionsTest extends QuerySideTest {

    private static final Duration NOTIFIED = Duration.ofSeconds(5);

    @Autowired
    private PortfolioMetricsCache portfolio;
    @Autowired
    private DataSource dataSource;

    @Test
    void a_write_that_commits_after_a_later_one_was_read_is_still_counted() throws SQLException {
        String first = openedLong("PFX");
        String second = openedLong("PFY");
        BigDecimal before = portfolio.current().totalExposure();

        try (Connection slow = dataSource.getConnection(); Connection quick = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            setPrice(slow, first, "120");           // exposure +20, not committed yet
            setPrice(quick, second, "130");          // exposure +30, committed at once
            await().atMost(NOTIFIED).untilAsserted(() ->
                    assertThat(portfolio.current().totalExposure()).isEqualByComparingTo(before.add(new BigDecimal("30"))));

            slow.commit();
        }

        await().atMost(NOTIFIED).untilAsserted(() -> assertThat(portfolio.current().totalExposure())
                .isEqualByComparingTo(before.add(new BigDecimal("50"))));
    }

    @Test
    void a_deleted_position_leaves_the_portfolio() {
        String asset = openedLong("PFD");
        await().atMost(NOTIFIED).until(() -> portfolio.withAssets().openAssets().containsKey(asset));
        BigDecimal before = portfolio.current().totalExposure();

        jdbc.update("DELETE FROM positions WHERE asset = ?", asset);

        await().atMost(NOTIFIED).untilAsserted(() -> {
            assertThat(portfolio.withAssets().openAssets()).doesNotContainKey(asset);
            assertThat(portfolio.current().totalExposure()).isEqualByComparingTo(before.subtract(new BigDecimal("100")));
        });
    }

    @Test
    void the_portfolio_kept_change_by_change_equals_the_sums_over_positions() {
        for (int i = 1; i <= 5; i++) {
            String asset = uniqueAsset("PFS");
            Instant now = Instant.now();
            fill(asset, PositionMode.ONE_WAY, null, asset + "-1", i % 2 == 0 ? Side.BUY : Side.SELL, i + ".5",
                    "10" + i, "0.1", now);
            report(asset, PositionMode.ONE_WAY, 0, (i % 2 == 0 ? "" : "-") + i + ".5", "10" + i, "11" + i, "3", "0",
                    1, now);
        }
        awaitProjections();

        await().atMost(NOTIFIED).untilAsserted(() -> {
            PortfolioTotals kept = portfolio.current();
            Map<String, Object> summed = jdbc.queryForMap("""
                    SELECT COALESCE(SUM(ABS(size) * current_price), 0)                         AS exposure,
                           SUM(unrealized_pnl)                                                 AS unrealized,
                           SUM(realized_pnl)                                                   AS realized,
                           COALESCE(SUM(size * current_price), 0)                              AS value,
                           COALESCE(SUM(size * current_price) FILTER (WHERE size > 0), 0)
                               - COALESCE(SUM(ABS(size) * current_price) FILTER (WHERE size < 0), 0) AS net,
                           COUNT(*) FILTER (WHERE size <> 0)                                   AS open,
                           COUNT(*) FILTER (WHERE size > 0)                                    AS longs,
                           COUNT(*) FILTER (WHERE size < 0)                                    AS shorts
                    FROM positions""");
            assertThat(kept.totalExposure()).isEqualByComparingTo((BigDecimal) summed.get("exposure"));
            assertThat(kept.totalUnrealizedPnl()).isEqualByComparingTo((BigDecimal) summed.get("unrealized"));
            assertThat(kept.totalRealizedPnl()).isEqualByComparingTo((BigDecimal) summed.get("realized"));
            assertThat(kept.portfolioValue()).isEqualByComparingTo((BigDecimal) summed.get("value"));
            assertThat(kept.netExposure()).isEqualByComparingTo((BigDecimal) summed.get("net"));
            assertThat(kept.openPositionsCount()).isEqualTo(((Number) summed.get("open")).longValue());
            assertThat(kept.longPositionsCount()).isEqualTo(((Number) summed.get("longs")).longValue());
            assertThat(kept.shortPositionsCount()).isEqualTo(((Number) summed.get("shorts")).longValue());
        });
    }

    /** A one-way long of 1 at mark 100 (exposure 100), projected. */
    private String openedLong(String prefix) {
        String asset = uniqueAsset(prefix);
        Instant now = Instant.now();
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", now);
        report(asset, PositionMode.ONE_WAY, 0, "1", "100", "100", "0", "0", 1, now);
        awaitProjections();
        return asset;
    }

    private static void setPrice(Connection connection, String asset, String price) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE positions SET current_price = ?::numeric WHERE asset = ?")) {
            update.setString(1, price);
            update.setString(2, asset);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
