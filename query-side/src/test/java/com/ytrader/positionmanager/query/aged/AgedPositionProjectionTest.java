package com.ytrader.positionmanager.query.aged;

import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Events of aged legs, recorded on real positions, projected by the read-model processor into PostgreSQL. */
class AgedPositionProjectionTest extends AgedTestSupport {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    private AgedPositionProjection projection;
    @Autowired
    private EventStorageEngine store;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void every_event_of_an_aged_leg_updates_its_row_and_appends_a_history_row_in_event_order() {
        String asset = uniqueAsset("AGD");
        Leg leg = openLeg(asset, PositionMode.ONE_WAY, 0, Side.BUY, now);
        Instant detected = now.plusSeconds(10);
        Instant progressive = detected.plus(Duration.ofHours(8));
        Instant moved = progressive.plus(Duration.ofHours(1));
        Instant requested = moved.plus(Duration.ofMinutes(30));
        Instant closedAt = requested.plusSeconds(2);
        phase(leg, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", detected);
        phase(leg, AgedPhase.DETECTED, AgedPhase.GRACE_PENDING, "98", "100.11", "0", "in loss", detected);
        phase(leg, AgedPhase.GRACE_PENDING, AgedPhase.GRACE_ACTIVE, "98.5", "100.11", "0", "watching",
                detected.plusSeconds(1));
        phase(leg, AgedPhase.GRACE_ACTIVE, AgedPhase.PROGRESSIVE_ACTIVE, "99", "99.5", "0.5", "grace over",
                progressive);
        phase(leg, AgedPhase.PROGRESSIVE_ACTIVE, AgedPhase.PROGRESSIVE_ACTIVE, "99", "99", "1", "an hour on", moved);
        closeRequested(leg, "req-1-" + asset, AgedCloseReason.AGED_PROGRESSIVE, AgedPhase.PROGRESSIVE_ACTIVE, "99",
                "99.02", 1, requested);
        closed(leg, AgedPhase.PROGRESSIVE_ACTIVE, "99.01", "-0.99", AgedCloseReason.AGED_PROGRESSIVE, 1, detected,
                closedAt);
        awaitProjections();

        Map<String, Object> row = row(leg);
        assertThat(row.get("status")).isEqualTo("closed");
        assertThat(row.get("position_id")).isEqualTo(asset + ":one-way");
        assertThat(row).containsEntry("asset", asset).containsEntry("mode", "one-way").containsEntry("position_idx", 0)
                .containsEntry("lifecycle", 1).containsEntry("side", "Buy");
        assertThat(instant(row, "detected_at")).isEqualTo(detected);
        assertThat(instant(row, "grace_started_at")).as("the first grace phase").isEqualTo(detected);
        assertThat(instant(row, "progressive_started_at")).as("not moved by the target").isEqualTo(progressive);
        assertThat(instant(row, "closed_at")).isEqualTo(closedAt);
        assertThat(instant(row, "status_since")).isEqualTo(closedAt);
        assertDecimal(row, "hours_in_grace", "8");
        // 1 h 30 min 2 s
        assertDecimal(row, "hours_in_progressive", "1.500556");
        assertDecimal(row, "target_price", "99");
        assertDecimal(row, "current_loss_tolerance_percent", "1");
        assertDecimal(row, "breakeven_price", "100.11");
        assertDecimal(row, "entry_price", "100");
        assertDecimal(row, "close_price", "99.01");
        assertDecimal(row, "actual_pnl_percent", "-0.99");
        assertThat(row).containsEntry("close_reason", "aged_progressive").containsEntry("close_attempts", 1)
                .containsEntry("last_request_id", "req-1-" + asset);

        List<Map<String, Object>> history = history(leg);
        assertThat(history).extracting(h -> h.get("event_type")).containsExactly("AgedPhaseChanged",
                "AgedPhaseChanged", "AgedPhaseChanged", "AgedPhaseChanged", "AgedPhaseChanged", "AgedCloseRequested",
                "AgedPositionClosed");
        assertThat(history).extracting(h -> h.get("to_status")).containsExactly("detected", "grace_pending",
                "grace_active", "progressive_active", "progressive_active", "progressive_active", "closed");
        assertThat(history.get(0).get("from_status")).isNull();
        assertThat(history.get(4).get("from_status")).as("the target moved").isEqualTo("progressive_active");
        assertThat(history.get(4).get("transition_reason")).isEqualTo("an hour on");
        assertDecimal(history.get(4), "loss_tolerance", "1");
        assertDecimal(history.get(5), "current_price", "99.02");
        assertThat(history.get(5)).containsEntry("request_id", "req-1-" + asset).containsEntry("attempt", 1)
                .containsEntry("transition_reason", "aged_progressive");
        assertDecimal(history.get(6), "current_price", "99.01");
        assertThat(instant(history.get(6), "transitioned_at")).isEqualTo(closedAt);
    }

    @Test
    void unanswered_close_requests_leave_the_entry_in_error_with_its_attempts_and_last_request() {
        String asset = uniqueAsset("AGE");
        Leg leg = openLeg(asset, PositionMode.HEDGE, 2, Side.SELL, now);
        phase(leg, null, AgedPhase.DETECTED, "90", null, null, "open for 3 hours", now);
        closeRequested(leg, "req-1-" + asset, AgedCloseReason.AGED_PROFIT, AgedPhase.DETECTED, "90", "90", 1, now);
        closeRequested(leg, "req-2-" + asset, AgedCloseReason.AGED_PROFIT, AgedPhase.DETECTED, "90", "90", 2,
                now.plusSeconds(60));
        failed(leg, AgedPhase.DETECTED, 2, "req-2-" + asset, now.plusSeconds(120));
        awaitProjections();

        Map<String, Object> row = row(leg);
        assertThat(row).containsEntry("status", "error").containsEntry("close_attempts", 2)
                .containsEntry("last_request_id", "req-2-" + asset).containsEntry("side", "Sell")
                .containsEntry("position_idx", 2).containsEntry("close_reason", "aged_profit");
        assertThat(row.get("closed_at")).as("not closed").isNull();
        assertThat(instant(row, "status_since")).isEqualTo(now.plusSeconds(120));
        assertThat(history(leg)).extracting(h -> h.get("to_status"))
                .containsExactly("detected", "detected", "detected", "error");
    }

    @Test
    void a_leg_closed_for_another_reason_is_closed_without_a_close_reason() {
        String asset = uniqueAsset("AGO");
        Leg leg = openLeg(asset, PositionMode.ONE_WAY, 0, Side.BUY, now);
        phase(leg, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now);
        phase(leg, AgedPhase.DETECTED, AgedPhase.GRACE_ACTIVE, "98", "100.11", "0", "in loss", now);
        closeRequested(leg, "req-" + asset, AgedCloseReason.AGED_BREAKEVEN, AgedPhase.GRACE_ACTIVE, "100.11",
                "100.2", 1, now.plusSeconds(5));
        closed(leg, AgedPhase.GRACE_ACTIVE, "97", "-3", null, 1, now, now.plusSeconds(3600));
        awaitProjections();

        Map<String, Object> row = row(leg);
        assertThat(row.get("status")).isEqualTo("closed");
        assertThat(row.get("close_reason")).isNull();
        assertDecimal(row, "hours_in_grace", "1");
        assertThat(row.get("hours_in_progressive")).as("never progressive").isNull();
    }

    @Test
    void a_redelivered_event_changes_nothing_and_appends_no_second_history_row() {
        String asset = uniqueAsset("AGR");
        Leg leg = openLeg(asset, PositionMode.ONE_WAY, 0, Side.BUY, now);
        phase(leg, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now);
        phase(leg, AgedPhase.DETECTED, AgedPhase.GRACE_PENDING, "98", "100.11", "0", "in loss", now.plusSeconds(1));
        closeRequested(leg, "req-" + asset, AgedCloseReason.AGED_BREAKEVEN, AgedPhase.GRACE_PENDING, "100.11",
                "100.2", 1, now.plusSeconds(2));
        awaitProjections();
        Map<String, Object> before = row(leg);
        List<Map<String, Object>> historyBefore = history(leg);

        // the position's events but the last once more, as a processor hands a batch again after a failure: without
        // the guard they would turn the row back to the grace phase's start
        redeliverAllButTheLastEvent(leg.positionId());

        assertThat(row(leg)).isEqualTo(before);
        assertThat(history(leg)).isEqualTo(historyBefore);
        assertThat(historyBefore).hasSize(3);
    }

    @Test
    void reset_empties_only_the_aged_tables_and_a_replay_rebuilds_them_row_for_row() {
        String asset = uniqueAsset("AGP");
        Leg leg = openLeg(asset, PositionMode.ONE_WAY, 0, Side.BUY, now);
        phase(leg, null, AgedPhase.DETECTED, "98", null, null, "open for 3 hours", now);
        phase(leg, AgedPhase.DETECTED, AgedPhase.GRACE_PENDING, "98", "100.11", "0", "in loss", now.plusSeconds(1));
        awaitProjections();
        Map<String, Object> before = row(leg);
        List<Map<String, Object>> historyBefore = history(leg);

        projection.reset();

        assertThat(count("aged_positions")).isZero();
        assertThat(count("aged_positions_history")).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM positions WHERE asset = ?", Long.class, asset))
                .as("the other read models keep their rows").isEqualTo(1);

        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitProjections();

        assertThat(row(leg)).isEqualTo(before);
        assertThat(history(leg)).isEqualTo(historyBefore);
    }

    /** Hands the stored events of the position but its last to the projection again, in one batch. */
    private void redeliverAllButTheLastEvent(String positionId) {
        List<EventMessage<?>> events = new ArrayList<>();
        store.readEvents(positionId).asStream().forEach(events::add);
        events.remove(events.size() - 1);
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        transactions.executeWithoutResult(status -> {
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
            batch.executeWithResult(() -> {
                handler.handle(batch.getMessage());
                return null;
            });
        });
    }

    private Map<String, Object> row(Leg leg) {
        return jdbc.queryForMap("SELECT * FROM aged_positions WHERE aged_id = ?::uuid", leg.agedId());
    }

    private List<Map<String, Object>> history(Leg leg) {
        return jdbc.queryForList("SELECT * FROM aged_positions_history WHERE aged_id = ?::uuid "
                + "ORDER BY sequence_number", leg.agedId());
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static Instant instant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static void assertDecimal(Map<String, Object> row, String column, String expected) {
        assertThat((BigDecimal) row.get(column)).as(column).isEqualByComparingTo(expected);
    }
}
