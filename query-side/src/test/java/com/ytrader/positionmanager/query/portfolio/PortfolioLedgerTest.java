package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.query.position.PriceStaleness;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger against the portfolio summed anew: whatever rows change in whatever order, taking away what a row added
 * before and adding what it adds now leaves exactly the totals of the rows as they finally read.
 */
class PortfolioLedgerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final long THRESHOLD_SECONDS = 300;
    private static final List<String> ASSETS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    private final PriceStaleness staleness = new PriceStaleness(THRESHOLD_SECONDS);

    @Property
    void totals_kept_change_by_change_equal_the_totals_of_the_final_rows(
            @ForAll("rowWrites") @Size(max = 60) List<PositionContribution> writes) {
        PortfolioLedger ledger = new PortfolioLedger(staleness);
        Map<UUID, PositionContribution> finalRows = new LinkedHashMap<>();
        for (PositionContribution write : writes) {
            ledger.put(write);
            finalRows.put(write.id(), write);
        }

        PortfolioTotals totals = ledger.totals(NOW);

        assertSameSums(totals.sums(), sumOf(finalRows.values().stream().toList()));
        assertThat(totals.stalePricesCount()).isEqualTo(finalRows.values().stream().filter(this::staleNow).count());
    }

    @Property
    void each_assets_figures_are_its_own_rows_and_add_up_to_the_totals(
            @ForAll("rowWrites") @Size(max = 60) List<PositionContribution> writes) {
        PortfolioLedger ledger = new PortfolioLedger(staleness);
        Map<UUID, PositionContribution> finalRows = new LinkedHashMap<>();
        writes.forEach(write -> {
            ledger.put(write);
            finalRows.put(write.id(), write);
        });

        PortfolioMetrics metrics = ledger.metrics(ledger.totals(NOW));

        PositionSums assetsTogether = PositionSums.NONE;
        for (String asset : ASSETS) {
            List<PositionContribution> ofAsset = finalRows.values().stream()
                    .filter(row -> row.asset().equals(asset)).toList();
            PortfolioTotals only = metrics.onlyAsset(asset).totals();
            assertSameSums(only.sums(), sumOf(ofAsset));
            assertThat(only.stalePricesCount()).isEqualTo(ofAsset.stream().filter(this::staleNow).count());
            assetsTogether = assetsTogether.plus(only.sums());
        }
        assertSameSums(assetsTogether, metrics.totals().sums());
        assertThat(List.copyOf(metrics.openAssets().keySet())).isSorted().containsExactlyElementsOf(ASSETS.stream()
                .filter(asset -> finalRows.values().stream()
                        .anyMatch(row -> row.asset().equals(asset) && row.sums().size().signum() != 0))
                .sorted().toList());
    }

    @Property
    void the_stale_count_holds_until_the_moment_it_names_and_grows_right_after(
            @ForAll("rowWrites") @Size(min = 1, max = 60) List<PositionContribution> writes) {
        PortfolioLedger ledger = new PortfolioLedger(staleness);
        writes.forEach(ledger::put);
        long staleNow = ledger.totals(NOW).stalePricesCount();

        Instant validUntil = ledger.staleCountValidUntil(NOW);

        if (validUntil == null) {
            assertThat(ledger.totals(NOW.plus(Duration.ofDays(365))).stalePricesCount()).isEqualTo(staleNow);
        } else {
            assertThat(ledger.totals(validUntil).stalePricesCount()).isEqualTo(staleNow);
            assertThat(ledger.totals(validUntil.plusNanos(1)).stalePricesCount()).isGreaterThan(staleNow);
        }
    }

    @Property
    void a_cleared_ledger_holds_nothing(@ForAll("rowWrites") List<PositionContribution> writes) {
        PortfolioLedger ledger = new PortfolioLedger(staleness);
        writes.forEach(ledger::put);

        ledger.clear();

        assertSameSums(ledger.totals(NOW).sums(), PositionSums.NONE);
        assertThat(ledger.totals(NOW).stalePricesCount()).isZero();
        assertThat(ledger.metrics(ledger.totals(NOW)).openAssets()).isEmpty();
    }

    /** Writes of six positions, two per asset: each write is a row as it may read after an event. */
    @Provide
    Arbitrary<List<PositionContribution>> rowWrites() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 5);
        Arbitrary<BigDecimal> size = Arbitraries.bigDecimals().between(new BigDecimal("-5"), new BigDecimal("5"))
                .ofScale(3).edgeCases(edges -> edges.add(BigDecimal.ZERO));
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(new BigDecimal("0.01"),
                new BigDecimal("70000")).ofScale(2).injectNull(0.2);
        Arbitrary<BigDecimal> pnl = Arbitraries.bigDecimals().between(new BigDecimal("-1000"),
                new BigDecimal("1000")).ofScale(8);
        Arbitrary<Instant> quoted = Arbitraries.longs().between(-2 * THRESHOLD_SECONDS, 0)
                .map(NOW::plusSeconds).injectNull(0.1);
        Arbitrary<Integer> lifecycle = Arbitraries.integers().between(0, 2); // never opened, open, closed
        return Combinators.combine(position, size, price, pnl, pnl, quoted, lifecycle)
                .as((index, qty, mark, unrealized, realized, quotedAt, state) -> PositionContribution.of(
                        new UUID(0, index), ASSETS.get(index % ASSETS.size()), qty, mark, unrealized, realized,
                        state == 0 ? null : NOW.minusSeconds(3600), state == 2 ? NOW.minusSeconds(60) : null,
                        quotedAt))
                .list();
    }

    private boolean staleNow(PositionContribution row) {
        return row.open() && staleness.stale(row.currentPrice(), row.priceUpdatedAt(), NOW);
    }

    /** The portfolio formulas summed over the rows as they read, from scratch. */
    private static PositionSums sumOf(List<PositionContribution> rows) {
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal longExposure = BigDecimal.ZERO;
        BigDecimal shortExposure = BigDecimal.ZERO;
        BigDecimal size = BigDecimal.ZERO;
        long open = 0;
        long longs = 0;
        long shorts = 0;
        for (PositionContribution row : rows) {
            BigDecimal qty = row.sums().size();
            BigDecimal price = row.currentPrice();
            unrealized = unrealized.add(row.sums().unrealizedPnl());
            realized = realized.add(row.sums().realizedPnl());
            size = size.add(qty);
            if (price != null) {
                exposure = exposure.add(qty.abs().multiply(price));
                value = value.add(qty.multiply(price));
                if (qty.signum() > 0) {
                    longExposure = longExposure.add(qty.multiply(price));
                }
                if (qty.signum() < 0) {
                    shortExposure = shortExposure.add(qty.abs().multiply(price));
                }
            }
            open += qty.signum() != 0 ? 1 : 0;
            longs += qty.signum() > 0 ? 1 : 0;
            shorts += qty.signum() < 0 ? 1 : 0;
        }
        return new PositionSums(exposure, unrealized, realized, value, longExposure, shortExposure, size, open, longs,
                shorts);
    }

    private static void assertSameSums(PositionSums actual, PositionSums expected) {
        assertThat(actual.exposure()).isEqualByComparingTo(expected.exposure());
        assertThat(actual.unrealizedPnl()).isEqualByComparingTo(expected.unrealizedPnl());
        assertThat(actual.realizedPnl()).isEqualByComparingTo(expected.realizedPnl());
        assertThat(actual.value()).isEqualByComparingTo(expected.value());
        assertThat(actual.longExposure()).isEqualByComparingTo(expected.longExposure());
        assertThat(actual.shortExposure()).isEqualByComparingTo(expected.shortExposure());
        assertThat(actual.size()).isEqualByComparingTo(expected.size());
        assertThat(actual.openPositions()).isEqualTo(expected.openPositions());
        assertThat(actual.longPositions()).isEqualTo(expected.longPositions());
        assertThat(actual.shortPositions()).isEqualTo(expected.shortPositions());
    }
}
