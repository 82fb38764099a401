package com.ytrader.positionmanager.command.aged;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.command.position.RecordAgedOutcome;
import com.ytrader.positionmanager.command.position.RecordAgedPhase;
import com.ytrader.positionmanager.command.position.RequestAgedClose;
import com.ytrader.positionmanager.events.AgedCloseFailed;
import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedEntries;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.AgedPositionClosed;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.events.UpdateSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Follows one lifecycle of a position and closes its legs when they outlive the maximum age (README, "Aged
 * positions"): it watches the time with persistent deadlines and the price with the position's events, decides the
 * phase and the target by {@link AgedPositionRules}, and asks the position to record each transition and each close
 * request, which the close-request publisher then sends to the order manager. It places no order itself.
 */
@Saga
@ConditionalOnProperty(name = "position-manager.aged.enabled", havingValue = "true", matchIfMissing = true)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class AgedPositionSaga {

    private static final Logger log = LoggerFactory.getLogger(AgedPositionSaga.class);

    private String positionId;
    private String asset;
    private PositionMode mode;
    private int lifecycle;
    private BigDecimal markPrice;
    private TreeMap<Integer, AgedLeg> legs = new TreeMap<>();

    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = "positionId")
    void on(PositionOpened event, AgedPositionRules rules, DeadlineManager deadlines) {
        positionId = event.positionId();
        asset = event.asset();
        mode = event.mode();
        lifecycle = event.lifecycle();
        for (LegFigures leg : event.openLegs()) {
            track(leg, event.openedAt(), rules, deadlines);
        }
    }

    @SagaEventHandler(associationProperty = "positionId")
    void on(FillApplied event, AgedPositionRules rules, DeadlineManager deadlines, CommandBus commands) {
        follow(event.position(), event.executedAt(), event.price(), rules, deadlines, commands);
    }

    @SagaEventHandler(associationProperty = "positionId")
    void on(ExchangeReportApplied event, AgedPositionRules rules, DeadlineManager deadlines,
            CommandBus commands) {
        AgedLeg leg = legs.get(event.positionIdx());
        if (leg != null) {
            leg.trailingStop = event.trailingStop() != null && event.trailingStop().signum() != 0;
            if (!leg.trailingStop && leg.detectionDeferred) {
                leg.detectionDeferred = false;
                detect(leg, event.updatedTime(), rules, deadlines, commands);
            }
        }
        follow(event.position(), event.updatedTime(), null, rules, deadlines, commands);
    }

    @SagaEventHandler(associationProperty = "positionId")
    void on(MarkPriceUpdated event, AgedPositionRules rules, DeadlineManager deadlines, CommandBus commands) {
        follow(event.position(), event.priceTime(), null, rules, deadlines, commands);
    }

    @SagaEventHandler(associationProperty = "positionId")
    void on(FundingApplied event, AgedPositionRules rules, DeadlineManager deadlines, CommandBus commands) {
        follow(event.position(), event.executedAt(), null, rules, deadlines, commands);
    }

    @SagaEventHandler(associationProperty = "positionId")
    void on(PositionCorrected event, AgedPositionRules rules, DeadlineManager deadlines, CommandBus commands) {
        follow(event.position(), event.correctedAt(), null, rules, deadlines, commands);
    }

    @SagaEventHandler(associationProperty = "positionId")
    void on(PositionClosed event, DeadlineManager deadlines, CommandBus commands) {
        if (event.lifecycle().number() != lifecycle) {
            return;
        }
        for (AgedLeg leg : new ArrayList<>(legs.values())) {
            closed(leg, event.lifecycle().averageExitPrice(), event.lifecycle().closedAt(), commands);
        }
        List.of(DetectionDue.NAME, TargetStepDue.NAME, CloseTimedOut.NAME).forEach(deadlines::cancelAllWithinScope);
        SagaLifecycle.end();
    }

    @DeadlineHandler(deadlineName = DetectionDue.NAME)
    void on(DetectionDue due, AgedPositionRules rules, DeadlineManager deadlines, CommandBus commands) {
        AgedLeg leg = legs.get(due.positionIdx());
        if (leg == null || leg.aged() || !leg.openedAt.equals(due.legOpenedAt())) {
            return;
        }
        if (leg.trailingStop) {
            leg.detectionDeferred = true;
            return;
        }
        detect(leg, leg.openedAt.plus(rules.maxAge()), rules, deadlines, commands);
    }

    /** The end of the grace period (step 0) and every loss step after it: the target moves, or max loss closes. */
    @DeadlineHandler(deadlineName = TargetStepDue.NAME)
    void on(TargetStepDue due, AgedPositionRules rules, DeadlineManager deadlines, CommandBus commands) {
        AgedLeg leg = legs.get(due.positionIdx());
        if (leg == null || !due.agedId().equals(leg.agedId) || leg.phase == AgedPhase.ERROR) {
            return;
        }
        Instant at = leg.detectedAt.plus(rules.gracePeriod()).plus(rules.lossStepInterval().multipliedBy(due.step()));
        BigDecimal tolerance = rules.lossTolerancePercent(due.step());
        leg.lossTolerancePercent = tolerance;
        leg.targetPrice = AgedPositionRules.progressiveTarget(leg.isLong(), leg.entryPrice, tolerance);
        record(leg, AgedPhase.PROGRESSIVE_ACTIVE, at, due.step() == 0
                ? "grace period of " + rules.gracePeriod() + " over: loss tolerance starts"
                : "loss step " + due.step() + ": tolerance " + tolerance.toPlainString() + " %", commands);
        if (rules.maxLossReached(tolerance)) {
            if (leg.pendingRequestId == null && leg.phase != AgedPhase.ERROR) {
                requestClose(leg, AgedCloseReason.AGED_MAX_LOSS, at, rules, deadlines, commands);
            }
            return;
        }
        deadlines.schedule(at.plus(rules.lossStepInterval()), TargetStepDue.NAME,
                new TargetStepDue(leg.positionIdx, leg.agedId, due.step() + 1));
        evaluate(leg, at, rules, deadlines, commands);
    }

    @DeadlineHandler(deadlineName = CloseTimedOut.NAME)
    void on(CloseTimedOut due, AgedPositionRules rules, DeadlineManager deadlines, CommandBus commands) {
        AgedLeg leg = legs.get(due.positionIdx());
        if (leg == null || !due.requestId().equals(leg.pendingRequestId)) {
            return;
        }
        Instant at = due.dueAt();
        leg.pendingRequestId = null;
        if (due.attempt() < rules.maxCloseAttempts()) {
            requestClose(leg, leg.requestedReason, at, rules, deadlines, commands);
            return;
        }
        String traceId = traceId(leg);
        send(commands, new RecordAgedOutcome(positionId, new AgedCloseFailed(positionId, asset, mode, lifecycle,
                leg.positionIdx, leg.agedId, leg.phase, due.attempt(), due.requestId(), traceId, at)), traceId);
        leg.phase = AgedPhase.ERROR;
        AgedMetrics.closeFailed();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(EventMetadata.TRACE_ID, traceId)) {
            log.error("Aged position {} leg {} is still open after {} close requests (last {}); giving up",
                    positionId, leg.positionIdx, due.attempt(), due.requestId());
        }
    }

    /**
     * The position's figures after one of its events: legs that opened are tracked, legs that became flat are
     * closed, and each watched leg is held against the mark price. A fill whose figures belong to the next
     * lifecycle is the flip that ends this one, at its price.
     */
    private void follow(PositionFigures position, Instant at, BigDecimal fillPrice, AgedPositionRules rules,
                        DeadlineManager deadlines, CommandBus commands) {
        if (position.lifecycle().number() != lifecycle) {
            for (AgedLeg leg : new ArrayList<>(legs.values())) {
                closed(leg, fillPrice != null ? fillPrice : markPrice, at, commands);
            }
            return;
        }
        if (position.currentPrice() != null) {
            markPrice = position.currentPrice();
        }
        for (LegFigures figures : position.legs()) {
            AgedLeg leg = legs.get(figures.positionIdx());
            if (figures.open() && leg == null) {
                track(figures, at, rules, deadlines);
            } else if (figures.open()) {
                leg.follow(figures);
            } else if (leg != null) {
                closed(leg, fillPrice != null ? fillPrice : markPrice, at, commands);
            }
        }
        for (AgedLeg leg : new ArrayList<>(legs.values())) {
            evaluate(leg, at, rules, deadlines, commands);
        }
    }

    private void track(LegFigures figures, Instant openedAt, AgedPositionRules rules, DeadlineManager deadlines) {
        AgedLeg leg = new AgedLeg(figures, openedAt);
        legs.put(leg.positionIdx, leg);
        deadlines.schedule(openedAt.plus(rules.maxAge()), DetectionDue.NAME,
                new DetectionDue(leg.positionIdx, openedAt));
    }

    /** The leg outlived the maximum age: in profit it is closed at once, otherwise its grace period starts. */
    private void detect(AgedLeg leg, Instant at, AgedPositionRules rules, DeadlineManager deadlines,
                        CommandBus commands) {
        leg.agedId = AgedEntries.id(positionId, lifecycle, leg.positionIdx, leg.openedAt);
        leg.detectedAt = at;
        leg.breakevenPrice = rules.breakevenPrice(leg.isLong(), leg.entryPrice);
        record(leg, AgedPhase.DETECTED, at, "open since " + leg.openedAt + ", longer than " + rules.maxAge(),
                commands);
        deadlines.schedule(at.plus(rules.gracePeriod()), TargetStepDue.NAME,
                new TargetStepDue(leg.positionIdx, leg.agedId, 0));
        if (markPrice != null && AgedPositionRules.profitable(leg.isLong(), leg.entryPrice, markPrice)) {
            requestClose(leg, AgedCloseReason.AGED_PROFIT, at, rules, deadlines, commands);
            return;
        }
        leg.targetPrice = leg.breakevenPrice;
        record(leg, markPrice == null ? AgedPhase.GRACE_PENDING : AgedPhase.GRACE_ACTIVE, at,
                markPrice == null ? "breakeven target set, no price known yet" : "breakeven target set", commands);
        evaluate(leg, at, rules, deadlines, commands);
    }

    /** Holds a watched leg against the mark price. */
    private void evaluate(AgedLeg leg, Instant at, AgedPositionRules rules, DeadlineManager deadlines,
                          CommandBus commands) {
        if (!leg.watching() || markPrice == null) {
            return;
        }
        if (leg.phase == AgedPhase.GRACE_PENDING) {
            record(leg, AgedPhase.GRACE_ACTIVE, at, "first price since the detection", commands);
        }
        rules.closeReason(leg.phase, leg.isLong(), leg.entryPrice, leg.targetPrice, markPrice)
                .ifPresent(reason -> requestClose(leg, reason, at, rules, deadlines, commands));
    }

    /**
     * Asks the position to record a close request; its id derives from the entry and the attempt, so a retried
     * event batch asks for the same request, which the position records once.
     */
    private void requestClose(AgedLeg leg, AgedCloseReason reason, Instant at, AgedPositionRules rules,
                              DeadlineManager deadlines, CommandBus commands) {
        int attempt = leg.attempts + 1;
        String requestId = PositionId.uuid(leg.agedId + "#request#" + attempt).toString();
        BigDecimal target = switch (reason) {
            case AGED_PROFIT -> leg.entryPrice;
            case AGED_BREAKEVEN -> leg.breakevenPrice;
            case AGED_PROGRESSIVE, AGED_MAX_LOSS -> leg.targetPrice;
        };
        String traceId = traceId(leg);
        boolean recorded = Boolean.TRUE.equals(send(commands, new RequestAgedClose(positionId, lifecycle,
                leg.positionIdx, leg.agedId, requestId, reason, leg.phase, target, markPrice, attempt, traceId, at),
                traceId));
        if (!recorded) {
            return;
        }
        leg.attempts = attempt;
        leg.pendingRequestId = requestId;
        leg.requestedReason = reason;
        // the order manager gets the timeout in real time, whatever the business time of the decision
        deadlines.schedule(rules.closeTimeout(attempt), CloseTimedOut.NAME,
                new CloseTimedOut(leg.positionIdx, requestId, attempt, at.plus(rules.closeTimeout(attempt))));
        AgedMetrics.closeRequested(reason, attempt);
    }

    /** The leg is flat: an aged leg's outcome is recorded, with the reason of our request if one was made. */
    private void closed(AgedLeg leg, BigDecimal closePrice, Instant at, CommandBus commands) {
        legs.remove(leg.positionIdx);
        if (!leg.aged()) {
            return;
        }
        BigDecimal price = closePrice != null ? closePrice : markPrice;
        send(commands, new RecordAgedOutcome(positionId, new AgedPositionClosed(positionId, asset, mode, lifecycle,
                leg.positionIdx, leg.agedId, leg.phase, price,
                price == null ? null : AgedPositionRules.pnlPercent(leg.isLong(), leg.entryPrice, price),
                leg.requestedReason, leg.attempts, leg.detectedAt, at)), traceId(leg));
        AgedMetrics.closed(leg.requestedReason, Duration.between(leg.detectedAt, at));
    }

    private void record(AgedLeg leg, AgedPhase to, Instant at, String reason, CommandBus commands) {
        AgedPhase from = leg.phase;
        leg.phase = to;
        send(commands, new RecordAgedPhase(positionId, new AgedPhaseChanged(positionId, asset, mode, lifecycle,
                leg.positionIdx, leg.agedId, from, to, leg.isLong() ? Side.BUY : Side.SELL, leg.entryPrice,
                markPrice, leg.targetPrice, leg.lossTolerancePercent, leg.breakevenPrice, reason, at)), traceId(leg));
    }

    /** One trace per aged entry, so that its transitions, requests and their fills can be followed together. */
    private static String traceId(AgedLeg leg) {
        return PositionId.uuid(leg.agedId + "#trace").toString();
    }

    /**
     * Sends in this thread, in the saga's unit of work and transaction, and fails at once when the command fails: the
     * event batch or the deadline is then retried whole. The command gateway's retry would retry on another thread,
     * which needs a second database connection while this one waits holding the first; with every deadline thread
     * doing so, the pool ran dry (measured in the command side's suite).
     */
    private static Object send(CommandBus commands, Object command, String traceId) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commands.dispatch(CommandMetadata.of(UpdateSource.SCHEDULER, traceId, null).command(command), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("aged-position command failed: " + command, failure);
        }
        return result.getPayload();
    }
}
