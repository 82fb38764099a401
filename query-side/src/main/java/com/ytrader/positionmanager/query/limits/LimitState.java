package com.ytrader.positionmanager.query.limits;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.FeatureInputs;
import com.ytrader.positionmanager.query.features.MlFeatures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which limits are exceeded, and the figures of every position they are measured on, during one batch of the limit
 * evaluator: loaded when the batch starts, changed by each event in order, written back (with the crossings
 * published) when it commits. An event is judged against the figures right after it, so that a limit crossed and
 * crossed back within one batch still gives both events.
 *
 * <p>A position's event changes its own figures and the total exposure, hence every position's size ratio: those
 * are judged again only for the positions that can have crossed, the ones exceeding now and the ones whose exposure
 * comes near the ratio of the new total (few: at most {@code 1 / ratio} positions can each hold more than
 * {@code ratio} of the total).
 */
final class LimitState {

    /** The key of a limit of the whole portfolio in {@code limits_exceeded}. */
    static final String PORTFOLIO = "";
    /** Below the size ratio's rounding ({@link MlFeatures#SCALE} places): no position that may exceed is skipped. */
    private static final BigDecimal SIZE_RATIO_MARGIN = BigDecimal.ONE.movePointLeft(MlFeatures.SCALE);

    /**
     * What a position's per-position limits are measured on.
     *
     * @param exposure {@link FeatureInputs#exposure()}, computed once: every event compares many positions' exposures
     */
    record Tracked(String asset, PositionMode mode, FeatureInputs inputs, BigDecimal exposure) {

        static Tracked of(String asset, PositionMode mode, FeatureInputs inputs) {
            return new Tracked(asset, mode, inputs, inputs.exposure());
        }
    }

    /** A limit exceeded: of the portfolio ({@link #PORTFOLIO}) or of one position. */
    record Breach(Limit limit, String positionKey) {
    }

    /** The event being judged. */
    record Cause(String eventId, String traceId, Instant recordedAt, boolean replay) {
    }

    /** A limit crossed by an event, to be published. */
    record Crossing(Breach breach, LimitCheck check, Cause cause) {

        String eventType() {
            return check.exceeded() ? LimitEvent.EXCEEDED : LimitEvent.CLEARED;
        }

        /** Stable: the same event crossing the same limit of the same position is recognisably the same message. */
        String messageId() {
            return cause.eventId() + ":" + eventType() + ":" + breach.limit().wireName()
                    + (breach.positionKey().equals(PORTFOLIO) ? "" : ":" + breach.positionKey());
        }

        LimitEvent event() {
            return new LimitEvent(eventType(), check.name(), check.limit(), check.value(), check.asset(),
                    check.mode() == null ? null : check.mode().wireName(), cause.traceId(), cause.recordedAt());
        }
    }

    private final LimitRules rules;
    private final Map<String, Tracked> positions;
    private final Set<Breach> exceededAtStart;
    private final Set<Breach> exceeded;
    /**
     * The positions by exposure, kept while the size ratio is limited: those that can cross it are a tail of this
     * map, found without comparing every position with every event.
     */
    private final NavigableMap<BigDecimal, Set<String>> byExposure = new TreeMap<>();
    private final Map<String, Tracked> changed = new LinkedHashMap<>();
    private final List<Crossing> crossings = new ArrayList<>();
    private BigDecimal totalExposure;

    /**
     * @param positions every tracked position by its key
     * @param exceeded  the limits exceeded when the batch starts; those no longer set are dropped without an event
     */
    LimitState(LimitRules rules, Map<String, Tracked> positions, Set<Breach> exceeded) {
        this.rules = rules;
        this.positions = new HashMap<>(positions);
        this.exceededAtStart = Set.copyOf(exceeded);
        this.exceeded = new HashSet<>();
        exceeded.stream().filter(breach -> rules.limits().containsKey(breach.limit())).forEach(this.exceeded::add);
        this.totalExposure = positions.values().stream().map(Tracked::exposure)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sizeRatioLimited()) {
            positions.forEach(this::index);
        }
    }

    /** The figures of position {@code positionKey} right after {@code cause}: judges what they change. */
    void apply(String positionKey, Tracked position, Cause cause) {
        Tracked before = positions.put(positionKey, position);
        changed.put(positionKey, position);
        if (sizeRatioLimited()) {
            if (before != null) {
                unindex(positionKey, before);
            }
            index(positionKey, position);
        }
        BigDecimal previousTotal = totalExposure;
        totalExposure = totalExposure.subtract(before == null ? BigDecimal.ZERO : before.exposure())
                .add(position.exposure());
        for (LimitCheck check : rules.ofPortfolio(totalExposure)) {
            judge(new Breach(Limit.fromWireName(check.name()), PORTFOLIO), check, cause);
        }
        judgePosition(positionKey, position, cause);
        BigDecimal ratio = rules.limits().get(Limit.MAX_POSITION_SIZE_RATIO);
        if (ratio != null && totalExposure.compareTo(previousTotal) != 0) {
            for (String other : sizeRatioCandidates(ratio, positionKey)) {
                judgePosition(other, positions.get(other), cause);
            }
        }
    }

    /** The other positions whose size ratio may have crossed: exceeding now, or near the ratio of the new total. */
    private Set<String> sizeRatioCandidates(BigDecimal ratio, String except) {
        Set<String> candidates = new TreeSet<>();
        for (Breach breach : exceeded) {
            if (breach.limit() == Limit.MAX_POSITION_SIZE_RATIO) {
                candidates.add(breach.positionKey());
            }
        }
        if (totalExposure.signum() > 0) {
            BigDecimal near = ratio.subtract(SIZE_RATIO_MARGIN).multiply(totalExposure);
            byExposure.tailMap(near, false).values().forEach(candidates::addAll);
        }
        candidates.remove(except);
        return candidates;
    }

    private boolean sizeRatioLimited() {
        return rules.limits().containsKey(Limit.MAX_POSITION_SIZE_RATIO);
    }

    private void index(String positionKey, Tracked position) {
        byExposure.computeIfAbsent(position.exposure(), ignored -> new HashSet<>()).add(positionKey);
    }

    private void unindex(String positionKey, Tracked position) {
        Set<String> keys = byExposure.get(position.exposure());
        keys.remove(positionKey);
        if (keys.isEmpty()) {
            byExposure.remove(position.exposure());
        }
    }

    private void judgePosition(String positionKey, Tracked position, Cause cause) {
        MlFeatures features = MlFeatures.of(position.inputs(), totalExposure, cause.recordedAt());
        for (LimitCheck check : rules.ofPosition(position.asset(), position.mode(), position.inputs(), features)) {
            judge(new Breach(Limit.fromWireName(check.name()), positionKey), check, cause);
        }
    }

    private void judge(Breach breach, LimitCheck check, Cause cause) {
        boolean wasExceeded = exceeded.contains(breach);
        if (check.exceeded() == wasExceeded) {
            return;
        }
        if (check.exceeded()) {
            exceeded.add(breach);
        } else {
            exceeded.remove(breach);
        }
        // a replay rebuilds the state: what it crosses was published when the events were new
        if (!cause.replay()) {
            crossings.add(new Crossing(breach, check, cause));
        }
    }

    /** The positions whose figures changed in this batch, as they are now. */
    Map<String, Tracked> changedPositions() {
        return Collections.unmodifiableMap(changed);
    }

    Set<Breach> newlyExceeded() {
        Set<Breach> added = new HashSet<>(exceeded);
        added.removeAll(exceededAtStart);
        return added;
    }

    Set<Breach> noLongerExceeded() {
        Set<Breach> removed = new HashSet<>(exceededAtStart);
        removed.removeAll(exceeded);
        return removed;
    }

    List<Crossing> crossings() {
        return Collections.unmodifiableList(crossings);
    }
}
