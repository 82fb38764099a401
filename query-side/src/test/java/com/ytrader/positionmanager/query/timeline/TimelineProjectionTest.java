package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.eventstore.EventStoreSchemaConfiguration;
import com.ytrader.positionmanager.eventstore.StoredEventPayloads;
import com.ytrader.positionmanager.query.position.LiveRow;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline projection driven directly against the real {@code position_timeline}, with Axon's in-memory event
 * store as the store it reads figures back from: no processor, broker or web server. The integration tests
 * ({@code TimelineAfterRestartTest}, {@code AuditTrailTest}, {@code PointInTimeTest}) run it inside the application.
 */
// a database of its own: rows written without events must not show in the application tests' portfolio
@SpringBootTest(classes = TimelineProjectionTest.Slice.class, properties = "POSTGRES_DB=pm_query_side_projection_test")
class TimelineProjectionTest {

    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            LiquibaseAutoConfiguration.class})
    @Import({TimelineProjection.class, TimelineRepository.class, AuditChain.class})
    static class Slice {

        @Bean
        Serializer serializer() {
            return new EventStoreSchemaConfiguration().serializer();
        }

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        StoredEventPayloads storedEventPayloads(JdbcTemplate jdbc) {
            return new StoredEventPayloads(jdbc, new EventStoreSchemaConfiguration().eventSchema());
        }
    }

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    private TimelineProjection projection;
    @Autowired
    private EventStorageEngine store;
    @Autowired
    private AuditChain chain;
    @Autowired
    private JdbcTemplate jdbc;

    private final String asset = "TPT" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    private final String positionId = PositionId.of(asset, PositionMode.ONE_WAY);
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    private static PositionFigures open(String size, String price) {
        return new PositionFigures(List.of(new LegFigures(0, new BigDecimal(size), new BigDecimal(price),
                BigDecimal.ZERO, BigDecimal.ZERO)), new BigDecimal(price), BigDecimal.ZERO, 1,
                new LifecycleFigures(1, T0, null, new BigDecimal(size), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, 1, null));
    }

    private FundingApplied funding(String size) {
        return new FundingApplied(positionId, asset, PositionMode.ONE_WAY, 0, UUID.randomUUID().toString(),
                BigDecimal.ONE, T0, null, false, open(size, "100"));
    }

    /** The position's next event, recorded {@code seconds} after T0, stored as the event store would hold it. */
    private DomainEventMessage<?> next(PositionEvent event, long seconds) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Position", positionId, history.size(),
                event, Map.of(), UUID.randomUUID().toString(), T0.plusSeconds(seconds));
        history.add(message);
        store.appendEvents(message);
        return message;
    }

    /** One processor batch. */
    private void batch(DomainEventMessage<?>... events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        for (DomainEventMessage<?> event : events) {
            projection.on((PositionEvent) event.getPayload(), event);
        }
        batch.commit();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT * FROM position_timeline WHERE position_id = ? ORDER BY sequence_number",
                positionId);
    }

    @Test
    void each_row_holds_the_live_rows_bookkeeping_as_the_live_row_rule_gives_it() {
        batch(next(new PositionOpened(positionId, asset, PositionMode.ONE_WAY, 1, T0, List.of()), 0),
                next(funding("1"), 1),
                next(new PositionSnapshotTaken(positionId, asset, PositionMode.ONE_WAY, "s", T0.plusSeconds(2),
                        open("1", "100")), 3),
                next(funding("2"), 4));

        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(4);
        LiveRow.Bookkeeping expected = null;
        for (int i = 0; i < rows.size(); i++) {
            DomainEventMessage<?> event = history.get(i);
            expected = LiveRow.Bookkeeping.after(expected, (PositionEvent) event.getPayload(),
                    event.getSequenceNumber(), event.getTimestamp());
            Map<String, Object> row = rows.get(i);
            if (expected == null) {
                assertThat(row.get("version")).as("row %d", i).isNull();
                assertThat(row.get("created_at")).as("row %d", i).isNull();
            } else {
                assertThat(row.get("version")).as("row %d", i).isEqualTo(expected.version());
                assertThat(instant(row.get("created_at"))).as("row %d", i).isEqualTo(expected.createdAt());
                assertThat(instant(row.get("last_updated"))).as("row %d", i).isEqualTo(expected.lastUpdated());
                assertThat(instant(row.get("last_snapshot_at"))).as("row %d", i)
                        .isEqualTo(expected.lastSnapshotAt());
            }
        }
        assertThat((BigDecimal) rows.get(3).get("size")).isEqualByComparingTo("2");
    }

    @Test
    void after_a_restart_the_next_row_reads_the_figures_back_from_the_store_and_continues_the_chain() {
        batch(next(funding("3"), 0));
        projection.forgetPositions();

        batch(next(new PositionOpened(positionId, asset, PositionMode.ONE_WAY, 2, T0, List.of()), 5));

        List<Map<String, Object>> rows = rows();
        assertThat((BigDecimal) rows.get(1).get("size")).as("carried forward from event #0 in the store")
                .isEqualByComparingTo("3");
        assertThat(rows.get(1).get("figures_sequence")).isEqualTo(0L);
        assertThat(rows.get(1).get("previous_hash")).isEqualTo(rows.get(0).get("hash"));
        assertThat(rows.get(1).get("hash")).isEqualTo(chain.link(chain.link(null, history.get(0)), history.get(1)));
    }

    @Test
    void a_redelivered_event_leaves_its_row_as_it_was() {
        DomainEventMessage<?> first = next(funding("1"), 0);
        batch(first);
        List<Map<String, Object>> before = rows();

        projection.forgetPositions();
        batch(first);

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void an_event_that_filled_a_gap_is_recorded_at_its_own_global_index_not_its_tokens() {
        DomainEventMessage<?> event = next(funding("1"), 0);
        // the store's row of the event; the processor's token names a later event's index, as after a gap
        long stored = jdbc.queryForObject("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            payload, payload_type, time_stamp)
                        VALUES (?, 0, 'Position', ?, '{}'::bytea, 'FundingApplied', ?) RETURNING global_index
                        """, Long.class, positionId, event.getIdentifier(), event.getTimestamp().toString());

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        projection.on((PositionEvent) event.getPayload(),
                new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(stored + 5), event));
        batch.commit();

        assertThat(rows().get(0).get("global_index")).isEqualTo(stored);
    }

    private static Instant instant(Object column) {
        return column == null ? null : ((Timestamp) column).toInstant();
    }
}
