package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.query.position.LiveRow.Bookkeeping;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveRowTest {

    private static final String ID = PositionId.of("BTCUSDT", PositionMode.ONE_WAY);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2024-01-01T00:01:00Z");
    private static final Instant T2 = Instant.parse("2024-01-01T00:02:00Z");
    private static final PositionFigures FLAT = PositionFigures.flat(PositionMode.ONE_WAY);

    private static FundingApplied funding() {
        return new FundingApplied(ID, "BTCUSDT", PositionMode.ONE_WAY, 0, "exec", BigDecimal.ONE, T0, null, false,
                FLAT);
    }

    private static PositionSnapshotTaken snapshot(Instant takenAt) {
        return new PositionSnapshotTaken(ID, "BTCUSDT", PositionMode.ONE_WAY, "snap", takenAt, FLAT);
    }

    @Test
    void an_event_carrying_figures_writes_them_and_keeps_the_first_creation_time() {
        Bookkeeping created = Bookkeeping.after(null, funding(), 0, T0);
        Bookkeeping updated = Bookkeeping.after(created, funding(), 1, T1);

        assertThat(LiveRow.change(funding())).isEqualTo(new LiveRow.FiguresWritten(FLAT));
        assertThat(created).isEqualTo(new Bookkeeping(0, T0, T0, null));
        assertThat(updated).isEqualTo(new Bookkeeping(1, T0, T1, null));
    }

    @Test
    void a_snapshot_marks_an_existing_row_without_writing_its_figures() {
        Bookkeeping row = new Bookkeeping(3, T0, T1, null);

        assertThat(LiveRow.change(snapshot(T2))).isEqualTo(new LiveRow.SnapshotMarked(T2));
        assertThat(Bookkeeping.after(row, snapshot(T2), 4, Instant.MAX)).isEqualTo(new Bookkeeping(4, T0, T1, T2));
        assertThat(Bookkeeping.after(new Bookkeeping(5, T0, T1, T2), funding(), 6, T2))
                .as("a later write keeps the snapshot mark").isEqualTo(new Bookkeeping(6, T0, T2, T2));
    }

    @Test
    void a_closed_lifecycle_marks_the_row_at_its_closing_time() {
        LifecycleFigures lifecycle = new LifecycleFigures(1, T0, T1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN,
                BigDecimal.ZERO, BigDecimal.ZERO, 2, null);
        PositionClosed closed = new PositionClosed(ID, "BTCUSDT", PositionMode.ONE_WAY, lifecycle);

        assertThat(Bookkeeping.after(new Bookkeeping(2, T0, T0, null), closed, 3, T2))
                .isEqualTo(new Bookkeeping(3, T0, T0, T1));
    }

    @Test
    void before_the_row_exists_a_snapshot_or_close_marks_nothing() {
        assertThat(Bookkeeping.after(null, snapshot(T1), 0, T1)).isNull();
    }

    @Test
    void an_event_without_figures_leaves_the_row_as_it_is() {
        Bookkeeping row = new Bookkeeping(2, T0, T1, null);
        PositionOpened opened = new PositionOpened(ID, "BTCUSDT", PositionMode.ONE_WAY, 1, T2, List.of());

        assertThat(LiveRow.change(opened)).isInstanceOf(LiveRow.Unchanged.class);
        assertThat(Bookkeeping.after(row, opened, 3, T2)).isSameAs(row);
        assertThat(Bookkeeping.after(null, opened, 0, T2)).isNull();
    }
}
