package com.ytrader.positionmanager.query.aged;

import com.ytrader.positionmanager.command.position.RecordAgedOutcome;
import com.ytrader.positionmanager.command.position.RecordAgedPhase;
import com.ytrader.positionmanager.command.position.RequestAgedClose;
import com.ytrader.positionmanager.events.AgedCloseFailed;
import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedEntries;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.AgedPositionClosed;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Aged legs as the saga records them: the commands the position accepts while the leg of that lifecycle is open.
 * The positions are opened now, far younger than any maximum age, so that only these commands age them.
 */
abstract class AgedTestSupport extends QuerySideTest {

    /** One aged leg of the first lifecycle of a position; long when {@code side} is Buy. */
    record Leg(String asset, PositionMode mode, int positionIdx, Side side, String agedId) {

        String positionId() {
            return PositionId.of(asset, mode);
        }
    }

    /** Opens the leg with one fill of 2 at 100 (fee 0), and names its aged entry. */
    Leg openLeg(String asset, PositionMode mode, int positionIdx, Side side, Instant openedAt) {
        fill(asset, mode, mode == PositionMode.ONE_WAY ? null : positionIdx, asset + "-open-" + positionIdx, side,
                "2", "100", "0", openedAt);
        return new Leg(asset, mode, positionIdx, side,
                AgedEntries.id(PositionId.of(asset, mode), 1, positionIdx, openedAt));
    }

    void phase(Leg leg, AgedPhase from, AgedPhase to, String mark, String target, String tolerance, String reason,
               Instant at) {
        commands.sendAndWait(new RecordAgedPhase(leg.positionId(), new AgedPhaseChanged(leg.positionId(),
                leg.asset(), leg.mode(), 1, leg.positionIdx(), leg.agedId(), from, to, leg.side(),
                new BigDecimal("100"), decimal(mark), decimal(target), decimal(tolerance), new BigDecimal("100.11"),
                reason, at)));
    }

    void closeRequested(Leg leg, String requestId, AgedCloseReason reason, AgedPhase phase, String target,
                        String trigger, int attempt, Instant at) {
        commands.sendAndWait(new RequestAgedClose(leg.positionId(), 1, leg.positionIdx(), leg.agedId(), requestId,
                reason, phase, decimal(target), decimal(trigger), attempt, "trace-" + requestId, at));
    }

    void closed(Leg leg, AgedPhase from, String closePrice, String pnlPercent, AgedCloseReason reason, int attempts,
                Instant detectedAt, Instant at) {
        commands.sendAndWait(new RecordAgedOutcome(leg.positionId(), new AgedPositionClosed(leg.positionId(),
                leg.asset(), leg.mode(), 1, leg.positionIdx(), leg.agedId(), from, decimal(closePrice),
                decimal(pnlPercent), reason, attempts, detectedAt, at)));
    }

    void failed(Leg leg, AgedPhase from, int attempts, String lastRequestId, Instant at) {
        commands.sendAndWait(new RecordAgedOutcome(leg.positionId(), new AgedCloseFailed(leg.positionId(),
                leg.asset(), leg.mode(), 1, leg.positionIdx(), leg.agedId(), from, attempts, lastRequestId,
                "trace-" + lastRequestId, at)));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
