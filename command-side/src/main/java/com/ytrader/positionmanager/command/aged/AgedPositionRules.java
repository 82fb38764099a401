package com.ytrader.positionmanager.command.aged;

import com.ytrader.positionmanager.events.AgedCloseReason;
import com.ytrader.positionmanager.events.AgedPhase;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * When a position counts as aged and at which price it is closed then (README, "Aged positions"), from the
 * {@code POSITION_MANAGER_AGED_*} settings. Percentages are in percent: {@code 0.5} is half a percent.
 *
 * @param maxAge             age of a leg (from its opening) at which it is detected
 * @param gracePeriod        how long after the detection the breakeven target stands
 * @param lossStepPercent    loss tolerance added per {@code lossStepInterval} after the grace period
 * @param lossStepInterval   the "hour" of the loss step: the target moves once per interval
 * @param accelerationAfter  time after the grace period from which the tolerance is multiplied by the factor
 * @param commission         taker commission per side: the breakeven price covers a round trip
 * @param priceBufferPercent how close to the target the mark price must come
 * @param closeTimeout       how long the first close request waits for its fill; each retry waits twice as long
 */
@ConfigurationProperties("position-manager.aged")
public record AgedPositionRules(
        boolean enabled,
        Duration maxAge,
        Duration gracePeriod,
        BigDecimal lossStepPercent,
        Duration lossStepInterval,
        BigDecimal maxLossPercent,
        BigDecimal accelerationFactor,
        Duration accelerationAfter,
        BigDecimal commission,
        BigDecimal priceBufferPercent,
        Duration closeTimeout,
        int maxCloseAttempts) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public static AgedPositionRules defaults() {
        return new AgedPositionRules(true, Duration.ofHours(3), Duration.ofHours(8), new BigDecimal("0.5"),
                Duration.ofHours(1), BigDecimal.TEN, new BigDecimal("1.2"), Duration.ofHours(10),
                new BigDecimal("0.00055"), new BigDecimal("0.1"), Duration.ofSeconds(60), 3);
    }

    public AgedPositionRules withPriceBufferPercent(BigDecimal buffer) {
        return new AgedPositionRules(enabled, maxAge, gracePeriod, lossStepPercent, lossStepInterval, maxLossPercent,
                accelerationFactor, accelerationAfter, commission, buffer, closeTimeout, maxCloseAttempts);
    }

    /** The entry price plus the commission of opening and closing: entry × (1 ± 2 × commission). */
    BigDecimal breakevenPrice(boolean isLong, BigDecimal entryPrice) {
        BigDecimal roundTrip = TWO.multiply(commission);
        return entryPrice.multiply(isLong ? BigDecimal.ONE.add(roundTrip) : BigDecimal.ONE.subtract(roundTrip));
    }

    /**
     * The loss accepted {@code step} intervals after the grace period: step × loss step, times the acceleration
     * factor once the step lies beyond the acceleration point, never more than the maximum loss.
     */
    BigDecimal lossTolerancePercent(int step) {
        BigDecimal tolerance = lossStepPercent.multiply(BigDecimal.valueOf(step));
        if (lossStepInterval.multipliedBy(step).compareTo(accelerationAfter) > 0) {
            tolerance = tolerance.multiply(accelerationFactor);
        }
        return tolerance.min(maxLossPercent);
    }

    boolean maxLossReached(BigDecimal lossTolerancePercent) {
        return lossTolerancePercent.compareTo(maxLossPercent) >= 0;
    }

    /** entry × (1 − tolerance) for a long, × (1 + tolerance) for a short. */
    static BigDecimal progressiveTarget(boolean isLong, BigDecimal entryPrice, BigDecimal lossTolerancePercent) {
        BigDecimal fraction = lossTolerancePercent.divide(HUNDRED);
        return entryPrice.multiply(isLong ? BigDecimal.ONE.subtract(fraction) : BigDecimal.ONE.add(fraction));
    }

    /** A long reaches its target at mark ≥ target × (1 − buffer), a short at mark ≤ target × (1 + buffer). */
    boolean reached(boolean isLong, BigDecimal markPrice, BigDecimal targetPrice) {
        BigDecimal buffer = priceBufferPercent.divide(HUNDRED);
        return isLong
                ? markPrice.compareTo(targetPrice.multiply(BigDecimal.ONE.subtract(buffer))) >= 0
                : markPrice.compareTo(targetPrice.multiply(BigDecimal.ONE.add(buffer))) <= 0;
    }

    /**
     * Why a watched leg is to be closed at that mark price, if it is: any profit first (as at the detection, so that
     * the reason does not depend on whether the price came before or after it), then its phase's target (breakeven
     * in the grace period, the progressive target after it), which the buffer can let a price just short of the entry
     * reach.
     */
    Optional<AgedCloseReason> closeReason(AgedPhase phase, boolean isLong, BigDecimal entryPrice,
                                          BigDecimal targetPrice, BigDecimal markPrice) {
        if (profitable(isLong, entryPrice, markPrice)) {
            return Optional.of(AgedCloseReason.AGED_PROFIT);
        }
        if (phase == AgedPhase.GRACE_ACTIVE && reached(isLong, markPrice, targetPrice)) {
            return Optional.of(AgedCloseReason.AGED_BREAKEVEN);
        }
        if (phase == AgedPhase.PROGRESSIVE_ACTIVE && reached(isLong, markPrice, targetPrice)) {
            return Optional.of(AgedCloseReason.AGED_PROGRESSIVE);
        }
        return Optional.empty();
    }

    /** In profit at that mark price: its unrealized PnL is above zero. */
    static boolean profitable(boolean isLong, BigDecimal entryPrice, BigDecimal markPrice) {
        int comparison = markPrice.compareTo(entryPrice);
        return isLong ? comparison > 0 : comparison < 0;
    }

    /** {@code (close − entry) / entry × 100}, negated for a short. */
    static BigDecimal pnlPercent(boolean isLong, BigDecimal entryPrice, BigDecimal closePrice) {
        BigDecimal percent = closePrice.subtract(entryPrice).multiply(HUNDRED).divide(entryPrice, 8, RoundingMode.HALF_EVEN);
        return isLong ? percent : percent.negate();
    }

    /** How long request {@code attempt} (from 1) waits for its fill: the close timeout, doubled per retry. */
    Duration closeTimeout(int attempt) {
        return closeTimeout.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
