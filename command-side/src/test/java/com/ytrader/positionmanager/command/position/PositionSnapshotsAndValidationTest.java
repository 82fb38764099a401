package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.events.PositionValidated;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.ytrader.positionmanager.command.position.EventExpectations.a;
import static com.ytrader.positionmanager.command.position.EventExpectations.exactly;
import static com.ytrader.positionmanager.command.position.Fills.AFTER_THE_FILLS;
import static com.ytrader.positionmanager.command.position.Fills.ASSET;
import static com.ytrader.positionmanager.command.position.Fills.T0;
import static com.ytrader.positionmanager.command.position.Fills.buy;
import static com.ytrader.positionmanager.command.position.Fills.report;
import static org.assertj.core.api.Assertions.assertThat;

class PositionSnapshotsAndValidationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());

    @Test
    void a_snapshot_records_the_position_as_it_stands_as_an_event() {
        fixture.givenCommands(buy("2", "100"), report(1, AFTER_THE_FILLS, "2", "100", "110", "20", "0"))
                .when(TakeSnapshot.of(ASSET, PositionMode.ONE_WAY, "snap-1", NOW))
                .expectEventsMatching(exactly(a(PositionSnapshotTaken.class, snapshot -> {
                    assertThat(snapshot.snapshotId()).isEqualTo("snap-1");
                    assertThat(snapshot.takenAt()).isEqualTo(NOW);
                    assertThat(snapshot.asset()).isEqualTo(ASSET);
                    assertThat(snapshot.position().size()).isEqualByComparingTo("2");
                    assertThat(snapshot.position().unrealizedPnl()).isEqualByComparingTo("20");
                })));
    }

    @Test
    void a_position_that_never_existed_cannot_be_snapshotted() {
        fixture.givenNoPriorActivity()
                .when(TakeSnapshot.of(ASSET, PositionMode.ONE_WAY, "snap-1", NOW))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void a_position_agreeing_with_the_exchange_is_recorded_as_valid() {
        fixture.givenCommands(buy("1", "100"), report(1, AFTER_THE_FILLS, "1", "100", "100", "0", "0"))
                .when(ValidatePosition.of(ASSET, PositionMode.ONE_WAY, true, NOW))
                .expectResultMessagePayload(new ValidationResult(true, null, null))
                .expectEventsMatching(exactly(a(PositionValidated.class, validated -> {
                    assertThat(validated.valid()).isTrue();
                    assertThat(validated.corrected()).isFalse();
                })));
    }

    @Test
    void validation_sets_a_differing_size_to_the_exchange_report_by_appending_a_correction() {
        fixture.givenCommands(buy("1", "100"), report(1, AFTER_THE_FILLS, "1.5", "101", "102", "1.5", "0"))
                .when(ValidatePosition.of(ASSET, PositionMode.ONE_WAY, true, NOW))
                .expectEventsMatching(exactly(
                        a(PositionCorrected.class, correction -> {
                            assertThat(correction.previousSize()).isEqualByComparingTo("1");
                            assertThat(correction.correctedSize()).isEqualByComparingTo("1.5");
                            assertThat(correction.correctedEntryPrice()).isEqualByComparingTo("101");
                            assertThat(correction.reason()).contains("size 1 here, 1.5 on the exchange");
                            assertThat(correction.position().size()).isEqualByComparingTo("1.5");
                        }),
                        a(PositionValidated.class, validated -> {
                            assertThat(validated.valid()).isFalse();
                            assertThat(validated.corrected()).isTrue();
                        })))
                .expectState(position -> assertThat(position.figures().size()).isEqualByComparingTo("1.5"));
    }

    @Test
    void validation_without_fixing_records_the_finding_and_changes_nothing() {
        fixture.givenCommands(buy("1", "100"), report(1, AFTER_THE_FILLS, "1.5", "101", "102", "1.5", "0"))
                .when(ValidatePosition.of(ASSET, PositionMode.ONE_WAY, false, NOW))
                .expectEventsMatching(exactly(a(PositionValidated.class, validated -> {
                    assertThat(validated.valid()).isFalse();
                    assertThat(validated.corrected()).isFalse();
                    assertThat(validated.message()).isEqualTo("positionIdx 0: size 1 here, 1.5 on the exchange at seq 1");
                })))
                .expectState(position -> assertThat(position.figures().size()).isEqualByComparingTo("1"));
    }

    @Test
    void a_correction_to_a_flat_exchange_position_closes_the_lifecycle() {
        fixture.givenCommands(buy("1", "100"), report(1, AFTER_THE_FILLS, "0", null, "100", "0", "0"))
                .when(ValidatePosition.of(ASSET, PositionMode.ONE_WAY, true, NOW))
                .expectEventsMatching(exactly(
                        a(PositionCorrected.class,
                                correction -> assertThat(correction.position().flat()).isTrue()),
                        a(PositionClosed.class,
                                closed -> assertThat(closed.lifecycle().closedAt()).isEqualTo(NOW)),
                        a(PositionValidated.class)));
    }

    @Test
    void a_correction_that_opens_a_flat_position_is_preceded_by_the_opening_like_every_change() {
        fixture.givenCommands(buy("1", "100"), Fills.sell("1", "101"),
                        report(1, AFTER_THE_FILLS, "2", "100", "100", "0", "0"))
                .when(ValidatePosition.of(ASSET, PositionMode.ONE_WAY, true, NOW))
                .expectEventsMatching(exactly(
                        a(PositionOpened.class, opened -> {
                            assertThat(opened.lifecycle()).isEqualTo(2);
                            assertThat(opened.openedAt()).isEqualTo(NOW);
                        }),
                        a(PositionCorrected.class, correction -> {
                            assertThat(correction.position().size()).isEqualByComparingTo("2");
                            assertThat(correction.position().lifecycle().number()).isEqualTo(2);
                        }),
                        a(PositionValidated.class, validated -> assertThat(validated.corrected()).isTrue())));
    }
}
