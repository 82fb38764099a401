package com.ytrader.positionmanager.command.aged;

import com.ytrader.positionmanager.command.position.RecordAgedOutcome;
import com.ytrader.positionmanager.command.position.RecordAgedPhase;
import com.ytrader.positionmanager.command.position.RequestAgedClose;
import com.ytrader.positionmanager.events.AgedCloseFailed;
import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.AgedPositionClosed;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static com.ytrader.positionmanager.command.aged.PositionEvents.POSITION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The aged-position rules (README, "Aged positions") with the seed's settings: aged after 3 h, 8 h of grace at
 * breakeven, then 0.5 % more loss accepted per hour, × 1.2 after 10 h, at most 10 %; commission 0.055 %, buffer
 * 0.1 %, close timeout 60 s doubled per retry, 3 attempts.
 */
class AgedPositionSagaTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofHours(3);
    private static final Duration GRACE = Duration.ofHours(8);

    private final SagaTestFixture<AgedPositionSaga> fixture = new SagaTestFixture<>(AgedPositionSaga.class);
    private PositionEvents position;

    @BeforeEach
    void setUp() {
        fixture.registerResource(AgedPositionRules.defaults());
        fixture.setCallbackBehavior((payload, metaData) -> true);
        fixture.givenCurrentTime(T0);
        position = new PositionEvents(1, T0);
    }

    @Test
    void a_long_is_detected_at_the_maximum_age_counted_from_its_opening_fill_and_waits_at_breakeven() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("99", T0.plusSeconds(60)))
                .whenTimeElapses(MAX_AGE)
                .expectDispatchedCommandsMatching(commands(list -> {
                    assertThat(phases(list)).extracting(AgedPhaseChanged::to)
                            .containsExactly(AgedPhase.DETECTED, AgedPhase.GRACE_ACTIVE);
                    AgedPhaseChanged grace = phases(list).get(1);
                    assertThat(grace.at()).isEqualTo(T0.plus(MAX_AGE));
                    assertThat(grace.breakevenPrice()).isEqualByComparingTo("100.11");
                    assertThat(grace.targetPrice()).isEqualByComparingTo("100.11");
                    assertThat(requests(list)).isEmpty();
                }))
                .expectScheduledDeadlineWithName(GRACE, TargetStepDue.NAME);
    }

    @Test
    void adding_to_a_position_does_not_reset_its_age() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"),
                        position.filled("2", "99", "98", T0.plus(Duration.ofHours(2))),
                        position.marked("97", T0.plus(Duration.ofHours(2))))
                .whenTimeElapses(MAX_AGE)
                .expectDispatchedCommandsMatching(commands(list -> assertThat(phases(list))
                        .extracting(AgedPhaseChanged::to, AgedPhaseChanged::at)
                        .containsExactly(tuple(AgedPhase.DETECTED, T0.plus(MAX_AGE)),
                                tuple(AgedPhase.GRACE_ACTIVE, T0.plus(MAX_AGE)))));
    }

    @Test
    void a_position_in_profit_when_it_is_detected_is_closed_at_once_for_aged_profit() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("100.005", T0))
                .whenTimeElapses(MAX_AGE)
                .expectDispatchedCommandsMatching(commands(list -> {
                    assertThat(phases(list)).extracting(AgedPhaseChanged::to).containsExactly(AgedPhase.DETECTED);
                    RequestAgedClose request = requests(list).get(0);
                    assertThat(request.reason()).isEqualTo(AgedCloseReason.AGED_PROFIT);
                    assertThat(request.phase()).isEqualTo(AgedPhase.DETECTED);
                    assertThat(request.triggerPrice()).isEqualByComparingTo("100.005");
                    assertThat(request.attempt()).isEqualTo(1);
                }))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(60), CloseTimedOut.NAME);
    }

    @Test
    void without_a_price_the_breakeven_target_waits_and_the_first_price_makes_it_active() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"))
                .andThenTimeElapses(MAX_AGE)
                .whenAggregate(POSITION_ID).publishes(position.marked("99", T0.plus(MAX_AGE).plusSeconds(5)))
                .expectDispatchedCommandsMatching(commands(list -> assertThat(phases(list))
                        .extracting(AgedPhaseChanged::from, AgedPhaseChanged::to)
                        .containsExactly(tuple(AgedPhase.GRACE_PENDING, AgedPhase.GRACE_ACTIVE))));
    }

    @Test
    void reaching_the_breakeven_target_in_the_grace_period_requests_a_close_for_aged_breakeven() throws Exception {
        // a buffer of 0.2 %, wider than the round trip's commission: 100.11 × 0.998 = 99.90978 reaches it below entry
        SagaTestFixture<AgedPositionSaga> wideBuffer = new SagaTestFixture<>(AgedPositionSaga.class);
        wideBuffer.registerResource(AgedPositionRules.defaults().withPriceBufferPercent(new BigDecimal("0.2")));
        wideBuffer.setCallbackBehavior((payload, metaData) -> true);
        wideBuffer.givenCurrentTime(T0);
        wideBuffer.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("99", T0))
                .andThenTimeElapses(MAX_AGE.plusHours(1))
                .whenAggregate(POSITION_ID).publishes(position.marked("99.95", T0.plus(MAX_AGE).plusSeconds(3700)))
                .expectDispatchedCommandsMatching(commands(list -> {
                    RequestAgedClose request = requests(list).get(0);
                    assertThat(request.reason()).isEqualTo(AgedCloseReason.AGED_BREAKEVEN);
                    assertThat(request.phase()).isEqualTo(AgedPhase.GRACE_ACTIVE);
                    assertThat(request.targetPrice()).isEqualByComparingTo("100.11");
                }));
    }

    @Test
    void any_profit_in_the_grace_period_is_closed_for_aged_profit_even_above_the_breakeven_target() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("99", T0))
                .andThenTimeElapses(MAX_AGE.plusHours(1))
                .whenAggregate(POSITION_ID).publishes(position.marked("100.2", T0.plus(MAX_AGE).plusSeconds(3700)))
                .expectDispatchedCommandsMatching(commands(list -> assertThat(requests(list))
                        .extracting(RequestAgedClose::reason).containsExactly(AgedCloseReason.AGED_PROFIT)));
    }

    @Test
    void a_profit_below_the_breakeven_target_in_the_grace_period_is_closed_for_aged_profit() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("99", T0))
                .andThenTimeElapses(MAX_AGE.plusHours(1))
                .whenAggregate(POSITION_ID).publishes(position.marked("100.005", T0.plus(MAX_AGE).plusSeconds(3700)))
                .expectDispatchedCommandsMatching(commands(list -> assertThat(requests(list))
                        .extracting(RequestAgedClose::reason).containsExactly(AgedCloseReason.AGED_PROFIT)));
    }

    @Test
    void after_the_grace_period_the_target_of_a_long_falls_by_the_loss_step_each_hour() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("90", T0))
                .andThenTimeElapses(MAX_AGE.plus(GRACE))
                .whenTimeElapses(Duration.ofHours(2))
                .expectDispatchedCommandsMatching(commands(list -> assertThat(phases(list))
                        .extracting(change -> change.targetPrice().stripTrailingZeros().toPlainString(),
                                change -> change.lossTolerancePercent().stripTrailingZeros().toPlainString())
                        .containsExactly(tuple("99.5", "0.5"),
                                tuple("99", "1"))));
    }

    @Test
    void reaching_the_progressive_target_requests_a_close_for_aged_progressive() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("90", T0))
                .andThenTimeElapses(MAX_AGE.plus(GRACE).plusHours(1))
                // target 99.5 × (1 − 0.001) = 99.4005
                .whenAggregate(POSITION_ID).publishes(position.marked("99.41", T0.plus(MAX_AGE).plus(GRACE).plusSeconds(3700)))
                .expectDispatchedCommandsMatching(commands(list -> {
                    RequestAgedClose request = requests(list).get(0);
                    assertThat(request.reason()).isEqualTo(AgedCloseReason.AGED_PROGRESSIVE);
                    assertThat(request.phase()).isEqualTo(AgedPhase.PROGRESSIVE_ACTIVE);
                    assertThat(request.targetPrice()).isEqualByComparingTo("99.5");
                }));
    }

    @Test
    void the_target_of_a_short_rises_above_its_entry_after_the_grace_period() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("-2", "100"), position.marked("110", T0))
                .andThenTimeElapses(MAX_AGE.plus(GRACE))
                .whenTimeElapses(Duration.ofHours(1))
                .expectDispatchedCommandsMatching(commands(list -> {
                    assertThat(phases(list).get(0).targetPrice()).isEqualByComparingTo("100.5");
                    assertThat(requests(list)).isEmpty();
                }));
    }

    @Test
    void reaching_the_maximum_loss_closes_at_market_for_aged_max_loss() throws Exception {
        // 0.5 % per hour, × 1.2 beyond 10 h: 16 h → 9.6 %, 17 h → 10.2 % capped at 10 %
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("80", T0))
                .andThenTimeElapses(MAX_AGE.plus(GRACE).plusHours(16))
                .whenTimeElapses(Duration.ofHours(1))
                .expectDispatchedCommandsMatching(commands(list -> {
                    assertThat(phases(list).get(0).lossTolerancePercent()).isEqualByComparingTo("10");
                    RequestAgedClose request = requests(list).get(0);
                    assertThat(request.reason()).isEqualTo(AgedCloseReason.AGED_MAX_LOSS);
                    assertThat(request.targetPrice()).isEqualByComparingTo("90");
                    assertThat(request.triggerPrice()).isEqualByComparingTo("80");
                }));
    }

    @Test
    void an_active_trailing_stop_defers_the_detection_until_it_goes() throws Exception {
        Instant trailingStopGone = T0.plus(Duration.ofHours(5));
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.reported("99", "50", T0))
                .andThenTimeElapses(MAX_AGE)
                .andThenAggregate(POSITION_ID).published(position.reported("99", "50", T0.plus(Duration.ofHours(4))))
                .whenAggregate(POSITION_ID).publishes(position.reported("99", "0", trailingStopGone))
                .expectDispatchedCommandsMatching(commands(list -> assertThat(phases(list))
                        .extracting(AgedPhaseChanged::to, AgedPhaseChanged::at)
                        .containsExactly(tuple(AgedPhase.DETECTED, trailingStopGone),
                                tuple(AgedPhase.GRACE_ACTIVE, trailingStopGone))));
    }

    @Test
    void a_trailing_stop_holds_no_detection_while_it_is_active() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.reported("99", "50", T0))
                .whenTimeElapses(MAX_AGE.plusHours(1))
                .expectNoDispatchedCommands();
    }

    @Test
    void no_closing_fill_within_the_timeout_retries_with_a_new_request_and_backs_off() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("100.005", T0))
                .andThenTimeElapses(MAX_AGE)
                .whenTimeElapses(Duration.ofSeconds(60))
                .expectDispatchedCommandsMatching(commands(list -> {
                    RequestAgedClose retry = requests(list).get(0);
                    assertThat(retry.attempt()).isEqualTo(2);
                    assertThat(retry.reason()).isEqualTo(AgedCloseReason.AGED_PROFIT);
                }))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(120), CloseTimedOut.NAME);
    }

    @Test
    void after_the_last_attempt_the_aged_position_is_in_error() throws Exception {
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("100.005", T0))
                .andThenTimeElapses(MAX_AGE)
                .andThenTimeElapses(Duration.ofSeconds(60))
                .andThenTimeElapses(Duration.ofSeconds(120))
                .whenTimeElapses(Duration.ofSeconds(240))
                .expectDispatchedCommandsMatching(commands(list -> {
                    assertThat(requests(list)).isEmpty();
                    AgedCloseFailed failed = outcome(list, AgedCloseFailed.class);
                    assertThat(failed.attempts()).isEqualTo(3);
                    assertThat(failed.traceId()).isNotBlank();
                }));
    }

    @Test
    void the_closing_fill_ends_the_aged_entry_at_its_price_with_the_reason_of_the_request() throws Exception {
        Instant closedAt = T0.plus(MAX_AGE).plusSeconds(30);
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("100.005", T0))
                .andThenTimeElapses(MAX_AGE)
                .whenAggregate(POSITION_ID).publishes(position.flattened("100.004", closedAt))
                .expectDispatchedCommandsMatching(commands(list -> {
                    AgedPositionClosed closed = outcome(list, AgedPositionClosed.class);
                    assertThat(closed.closePrice()).isEqualByComparingTo("100.004");
                    assertThat(closed.actualPnlPercent()).isEqualByComparingTo("0.004");
                    assertThat(closed.closeReason()).isEqualTo(AgedCloseReason.AGED_PROFIT);
                    assertThat(closed.closeAttempts()).isEqualTo(1);
                    assertThat(closed.from()).isEqualTo(AgedPhase.DETECTED);
                    assertThat(closed.closedAt()).isEqualTo(closedAt);
                }));
    }

    @Test
    void the_end_of_the_lifecycle_ends_its_saga_and_its_deadlines() throws Exception {
        Instant closedAt = T0.plus(MAX_AGE).plusSeconds(30);
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("100.005", T0))
                .andThenTimeElapses(MAX_AGE)
                .andThenAggregate(POSITION_ID).published(position.flattened("100.004", closedAt))
                .whenAggregate(POSITION_ID).publishes(position.closed(closedAt))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_flip_ends_the_aged_entry_at_the_flip_price() throws Exception {
        Instant flippedAt = T0.plus(MAX_AGE).plusSeconds(10);
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("99", T0))
                .andThenTimeElapses(MAX_AGE)
                .whenAggregate(POSITION_ID).publishes(position.flipped("-1", "98", flippedAt))
                .expectDispatchedCommandsMatching(commands(list -> {
                    AgedPositionClosed closed = outcome(list, AgedPositionClosed.class);
                    assertThat(closed.closePrice()).isEqualByComparingTo("98");
                    assertThat(closed.actualPnlPercent()).isEqualByComparingTo("-2");
                    assertThat(closed.closeReason()).isNull();
                }));
    }

    @Test
    void a_flip_starts_a_new_lifecycle_whose_age_counts_from_the_flip() throws Exception {
        Instant flippedAt = T0.plus(MAX_AGE).plusSeconds(10);
        PositionEvents next = new PositionEvents(2, flippedAt);
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"), position.marked("99", T0))
                .andThenTimeElapses(MAX_AGE)
                .andThenAggregate(POSITION_ID).published(position.flipped("-1", "98", flippedAt), position.closed(flippedAt))
                .whenAggregate(POSITION_ID).publishes(next.opened("-1", "98"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.between(T0.plus(MAX_AGE), flippedAt.plus(MAX_AGE)),
                        DetectionDue.NAME);
    }

    @Test
    void a_position_closed_before_its_maximum_age_never_ages() throws Exception {
        Instant closedAt = T0.plus(Duration.ofHours(1));
        fixture.givenAggregate(POSITION_ID).published(position.opened("1", "100"),
                        position.flattened("101", closedAt))
                .whenAggregate(POSITION_ID).publishes(position.closed(closedAt))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    private static Matcher<List<? super CommandMessage<?>>> commands(Consumer<List<?>> check) {
        return new BaseMatcher<>() {
            private AssertionError failure;

            @Override
            public boolean matches(Object actual) {
                List<?> payloads = ((List<?>) actual).stream()
                        .map(command -> ((CommandMessage<?>) command).getPayload())
                        .toList();
                try {
                    check.accept(payloads);
                    return true;
                } catch (AssertionError e) {
                    failure = e;
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(failure == null ? "commands as expected" : failure.getMessage());
            }
        };
    }

    private static List<AgedPhaseChanged> phases(List<?> commands) {
        return commands.stream().filter(RecordAgedPhase.class::isInstance)
                .map(command -> ((RecordAgedPhase) command).change()).toList();
    }

    private static List<RequestAgedClose> requests(List<?> commands) {
        return commands.stream().filter(RequestAgedClose.class::isInstance).map(RequestAgedClose.class::cast).toList();
    }

    private static <T> T outcome(List<?> commands, Class<T> type) {
        return commands.stream().filter(RecordAgedOutcome.class::isInstance)
                .map(command -> ((RecordAgedOutcome) command).outcome()).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + commands));
    }
}
