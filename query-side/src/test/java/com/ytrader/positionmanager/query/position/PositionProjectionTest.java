package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.events.PriceSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live-row projection driven directly, event by event in batches, against the real {@code positions} table: no
 * event store, processor, broker or web server (after the context, milliseconds a test). The integration tests
 * ({@code PositionsApiTest}, {@code AsOfMatchesLiveTest}, {@code ReadModelReplayTest}) run it inside the application.
 */
// a database of its own: rows written without events must not show in the application tests' portfolio
@SpringBootTest(classes = PositionProjectionTest.Slice.class, properties = "POSTGRES_DB=pm_query_side_projection_test")
class PositionProjectionTest {

    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            LiquibaseAutoConfiguration.class})
    @Import({PositionProjection.class, PositionWrites.class, PositionRepository.class})
    static class Slice {
    }

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    private PositionProjection projection;
    @Autowired
    private PositionRepository repository;

    private final String asset = "PPT" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    private final String positionId = PositionId.of(asset, PositionMode.ONE_WAY);

    private static PositionFigures open(String size, String price) {
        return new PositionFigures(List.of(new LegFigures(0, new BigDecimal(size), new BigDecimal(price),
                BigDecimal.ZERO, BigDecimal.ZERO)), new BigDecimal(price), BigDecimal.ZERO, 1,
                new LifecycleFigures(1, T0, null, new BigDecimal(size), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, 1, null));
    }

    private FundingApplied funding(String execId, PositionFigures figures) {
        return new FundingApplied(positionId, asset, PositionMode.ONE_WAY, 0, execId, BigDecimal.ONE, T0, null,
                false, figures);
    }

    private PositionSnapshotTaken snapshot(Instant takenAt) {
        return new PositionSnapshotTaken(positionId, asset, PositionMode.ONE_WAY, "snap", takenAt,
                open("9", "9"));
    }

    private record Handled(PositionEvent event, long sequence, Instant recordedAt) {
    }

    /** One processor batch: the events handled in one unit of work, written as it commits. */
    private void batch(Handled... events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        for (Handled handled : events) {
            projection.on(handled.event(), handled.sequence(), handled.recordedAt());
        }
        batch.commit();
    }

    private PositionRow row() {
        return repository.find(positionId).orElseThrow();
    }

    @Test
    void a_batch_writes_each_position_once_with_its_last_figures_and_its_first_creation_time() {
        batch(new Handled(funding("a", open("1", "100")), 0, T0),
                new Handled(funding("b", open("2", "110")), 1, T0.plusSeconds(1)));

        assertThat(row().fields().size()).isEqualByComparingTo("2");
        assertThat(row().fields().averageEntryPrice()).isEqualByComparingTo("110");
        assertThat(row().version()).isEqualTo(1);
        assertThat(row().createdAt()).isEqualTo(T0);
        assertThat(row().lastUpdated()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void a_redelivered_older_event_leaves_the_row_as_the_later_one_left_it() {
        batch(new Handled(funding("a", open("1", "100")), 0, T0));
        batch(new Handled(funding("b", open("2", "110")), 1, T0.plusSeconds(1)));

        batch(new Handled(funding("a", open("1", "100")), 0, T0));

        assertThat(row().fields().size()).isEqualByComparingTo("2");
        assertThat(row().version()).isEqualTo(1);
    }

    @Test
    void a_snapshot_marks_the_row_and_leaves_its_figures() {
        batch(new Handled(funding("a", open("1", "100")), 0, T0),
                new Handled(snapshot(T0.plusSeconds(30)), 1, T0.plusSeconds(31)));

        assertThat(row().fields().size()).as("the snapshot's figures are not written").isEqualByComparingTo("1");
        assertThat(row().version()).isEqualTo(1);
        assertThat(row().lastSnapshotAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(row().lastUpdated()).isEqualTo(T0);
    }

    @Test
    void a_newer_mark_price_is_a_change_of_the_row_like_any_event_that_carries_figures() {
        PositionFigures marked = new PositionFigures(List.of(new LegFigures(0, BigDecimal.ONE, new BigDecimal("100"),
                new BigDecimal("7"), BigDecimal.ZERO)), new BigDecimal("107"), BigDecimal.ZERO, 1,
                open("1", "100").lifecycle());
        batch(new Handled(funding("a", open("1", "100")), 0, T0),
                new Handled(new MarkPriceUpdated(positionId, asset, PositionMode.ONE_WAY, new BigDecimal("107"),
                        PriceSource.WEBSOCKET, T0.plusSeconds(9), marked), 1, T0.plusSeconds(10)));

        assertThat(row().fields().currentPrice()).isEqualByComparingTo("107");
        assertThat(row().fields().unrealizedPnl()).isEqualByComparingTo("7");
        assertThat(row().version()).isEqualTo(1);
    }

    @Test
    void before_any_figures_a_position_has_no_row_whatever_else_happened() {
        batch(new Handled(new PositionOpened(positionId, asset, PositionMode.ONE_WAY, 1, T0, List.of()), 0, T0),
                new Handled(snapshot(T0), 1, T0));

        assertThat(repository.find(positionId)).isEmpty();
    }

    @Test
    void the_row_is_what_the_live_row_rule_says_the_timeline_carries() {
        List<Handled> history = List.of(
                new Handled(new PositionOpened(positionId, asset, PositionMode.ONE_WAY, 1, T0, List.of()), 0, T0),
                new Handled(funding("a", open("1", "100")), 1, T0.plusSeconds(1)),
                new Handled(snapshot(T0.plusSeconds(5)), 2, T0.plusSeconds(6)),
                new Handled(funding("b", open("3", "105")), 3, T0.plusSeconds(7)));
        LiveRow.Bookkeeping expected = null;
        for (Handled handled : history) {
            expected = LiveRow.Bookkeeping.after(expected, handled.event(), handled.sequence(), handled.recordedAt());
        }

        batch(history.subList(0, 2).toArray(Handled[]::new));
        batch(history.subList(2, 4).toArray(Handled[]::new));

        PositionRow row = row();
        assertThat(new LiveRow.Bookkeeping(row.version(), row.createdAt(), row.lastUpdated(), row.lastSnapshotAt()))
                .isEqualTo(expected);
    }
}
