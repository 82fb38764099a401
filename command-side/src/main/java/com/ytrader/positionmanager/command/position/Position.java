package com.ytrader.positionmanager.command.position;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FillLinked;
import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.PositionSizeDiscrepancyDetected;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.events.PositionValidated;
import com.ytrader.positionmanager.events.StaleExchangeReportIgnored;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One position, identified by {@code (asset, mode)}. It decides what a fill, a funding settlement or an
 * exchange report does and records that as events; its state is the figures of the last event plus what it
 * needs to recognise redeliveries and stale reports.
 */
@Aggregate(snapshotTriggerDefinition = "positionSnapshotTrigger", cache = "positionCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Position {

    /**
     * How many fill ids a position remembers to recognise redeliveries. Bounded so that a position with a
     * long history keeps a fixed-size state (and snapshot); redeliveries come within seconds, not after
     * ten thousand newer fills of the same position.
     */
    static final int REMEMBERED_FILL_IDS = 10_000;

    @AggregateIdentifier
    private String positionId;
    private String asset;
    private PositionMode mode;
    private PositionFigures figures;
    private LinkedHashSet<String> recentFillIds = new LinkedHashSet<>();
    private Map<Integer, ReportedLeg> reportedLegs = new HashMap<>();

    protected Position() {
        // for Axon: created empty, then either sourced from events or handed a first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public FillResult handle(ApplyFill command, ReconciliationPolicy policy) {
        PositionCommandRules.check(command);
        if (recentFillIds.contains(command.fillId())) {
            return FillResult.DUPLICATE;
        }
        PositionFigures before = current(command.mode());
        int legIndex = PositionCommandRules.legIndex(command.mode(), command.positionIdx());
        LegFigures leg = before.leg(legIndex);
        LegTrade trade = LegTrade.of(leg, command.side(), command.quantity(), command.price());
        if (policy.sizeSource() == SizeSource.EXCHANGE) {
            apply(new FillLinked(command.positionId(), command.asset(), command.mode(), legIndex, command.fillId(),
                    command.orderId(), command.side(), command.quantity(), command.price(), fee(command),
                    command.executedAt(), trade.relationship()));
            return FillResult.LINKED;
        }
        if (command.mode() == PositionMode.HEDGE && trade.sizeAfter().signum() * legSign(legIndex) < 0) {
            throw new InvalidPositionCommandException("a %s of %s on the %s leg would turn it %s (leg size %s)"
                    .formatted(command.side().wireName(), command.quantity().toPlainString(),
                            legIndex == 1 ? "long" : "short", legIndex == 1 ? "short" : "long",
                            leg.size().abs().toPlainString()));
        }
        recordFill(command, before, leg, trade);
        return FillResult.APPLIED;
    }

    private void recordFill(ApplyFill command, PositionFigures before, LegFigures leg, LegTrade trade) {
        BigDecimal fee = fee(command);
        BigDecimal closingFee = trade.crossesZero()
                ? fee.multiply(trade.closedQuantity())
                        .divide(command.quantity(), PositionFigures.PRICE_SCALE, RoundingMode.HALF_EVEN)
                : fee;
        BigDecimal openingFee = fee.subtract(closingFee);
        BigDecimal realized = trade.grossRealizedPnl().subtract(fee);
        LegFigures legAfter = new LegFigures(leg.positionIdx(), trade.sizeAfter(), trade.averageEntryPriceAfter(),
                unrealized(before.currentPrice(), trade.sizeAfter(), trade.averageEntryPriceAfter()),
                leg.realizedPnl().add(realized));
        PositionFigures withLeg = before.withLeg(legAfter);
        BigDecimal grossAfter = withLeg.grossSize();

        LifecycleFigures lifecycle = before.lifecycle();
        if (before.flat()) {
            lifecycle = Lifecycles.open(lifecycle, command.executedAt());
            apply(new PositionOpened(command.positionId(), command.asset(), command.mode(), lifecycle.number(),
                    command.executedAt()));
        }
        LifecycleFigures closedLifecycle = null;
        if (trade.crossesZero()) {
            closedLifecycle = Lifecycles.close(Lifecycles.fill(lifecycle, trade.closedQuantity(), command.price(),
                    trade.grossRealizedPnl().subtract(closingFee), closingFee, before.grossSize()),
                    command.executedAt());
            lifecycle = Lifecycles.fill(Lifecycles.open(closedLifecycle, command.executedAt()), BigDecimal.ZERO,
                    command.price(), openingFee.negate(), openingFee, grossAfter);
        } else {
            lifecycle = Lifecycles.fill(lifecycle, trade.closedQuantity(), command.price(), realized, fee, grossAfter);
            if (grossAfter.signum() == 0) {
                closedLifecycle = Lifecycles.close(lifecycle, command.executedAt());
                lifecycle = closedLifecycle;
            }
        }
        PositionFigures after = new PositionFigures(withLeg.legs(), before.currentPrice(),
                before.totalFees().add(fee), before.fillCount() + 1, lifecycle);
        apply(new FillApplied(command.positionId(), command.asset(), command.mode(), leg.positionIdx(),
                command.fillId(), command.orderId(), command.side(), command.quantity(), command.price(), fee,
                command.executedAt(), trade.relationship(), trade.sizeAfter().subtract(leg.size()), realized, after));
        if (closedLifecycle != null) {
            apply(new PositionClosed(command.positionId(), command.asset(), command.mode(), closedLifecycle));
        }
        if (trade.crossesZero()) {
            apply(new PositionOpened(command.positionId(), command.asset(), command.mode(), lifecycle.number(),
                    command.executedAt()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public FillResult handle(ApplyFunding command) {
        PositionCommandRules.check(command);
        if (recentFillIds.contains(command.execId())) {
            return FillResult.DUPLICATE;
        }
        PositionFigures before = current(command.mode());
        LegFigures leg = before.leg(PositionCommandRules.legIndex(command.mode(), command.positionIdx()));
        BigDecimal realized = command.amount().negate();
        LegFigures legAfter = new LegFigures(leg.positionIdx(), leg.size(), leg.averageEntryPrice(),
                leg.unrealizedPnl(), leg.realizedPnl().add(realized));
        PositionFigures after = new PositionFigures(before.withLeg(legAfter).legs(), before.currentPrice(),
                before.totalFees(), before.fillCount(),
                Lifecycles.adjust(before.lifecycle(), realized, before.grossSize()));
        apply(new FundingApplied(command.positionId(), command.asset(), command.mode(), leg.positionIdx(),
                command.execId(), command.amount(), command.executedAt(), after));
        return FillResult.APPLIED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReportExchangePosition command, ReconciliationPolicy policy) {
        PositionCommandRules.check(command);
        ReportStamp stamp = new ReportStamp(command.seq(), command.updatedTime());
        ReportedLeg lastReport = reportedLegs.get(command.positionIdx());
        ReportStamp last = lastReport == null ? null : lastReport.stamp();
        if (!stamp.newerThan(last)) {
            apply(new StaleExchangeReportIgnored(command.positionId(), command.asset(), command.mode(),
                    command.positionIdx(), command.seq(), command.updatedTime(), last.seq(), last.updatedTime()));
            return;
        }
        PositionFigures before = current(command.mode());
        LegFigures leg = before.leg(command.positionIdx());
        boolean exchangeOwnsSize = policy.sizeSource() == SizeSource.EXCHANGE;
        BigDecimal difference = command.reportedSize().subtract(leg.size());
        if (!exchangeOwnsSize && difference.abs().compareTo(policy.sizeValidationThreshold()) > 0) {
            apply(new PositionSizeDiscrepancyDetected(command.positionId(), command.asset(), command.mode(),
                    command.positionIdx(), leg.size(), command.reportedSize(), difference,
                    policy.sizeValidationThreshold(), command.seq(), command.updatedTime()));
        }
        BigDecimal size = exchangeOwnsSize ? command.reportedSize() : leg.size();
        boolean entryAdopted = size.signum() != 0 && adoptsEntryPrice(command, leg, policy);
        BigDecimal entry = size.signum() == 0 ? null : entryAdopted ? command.reportedEntryPrice()
                : leg.averageEntryPrice();
        LegFigures legAfter = new LegFigures(leg.positionIdx(), size, entry,
                command.unrealizedPnl() != null ? command.unrealizedPnl() : leg.unrealizedPnl(),
                command.realizedPnl() != null ? command.realizedPnl() : leg.realizedPnl());
        PositionFigures withLeg = before.withLeg(legAfter);
        LifecycleFigures lifecycle = before.lifecycle();
        if (before.flat() && !withLeg.flat()) {
            lifecycle = Lifecycles.open(lifecycle, command.updatedTime());
            apply(new PositionOpened(command.positionId(), command.asset(), command.mode(), lifecycle.number(),
                    command.updatedTime()));
        }
        lifecycle = Lifecycles.adjust(lifecycle, BigDecimal.ZERO, withLeg.grossSize());
        boolean closes = !before.flat() && withLeg.flat();
        if (closes) {
            lifecycle = Lifecycles.close(lifecycle, command.updatedTime());
        }
        PositionFigures after = new PositionFigures(withLeg.legs(),
                command.markPrice() != null ? command.markPrice() : before.currentPrice(),
                before.totalFees(), before.fillCount(), lifecycle);
        apply(new ExchangeReportApplied(command.positionId(), command.asset(), command.mode(), command.positionIdx(),
                command.seq(), command.updatedTime(), command.reportedSize(), command.reportedEntryPrice(),
                command.markPrice(), command.unrealizedPnl(), command.realizedPnl(), entryAdopted,
                exchangeOwnsSize && difference.signum() != 0, after));
        if (closes) {
            apply(new PositionClosed(command.positionId(), command.asset(), command.mode(), lifecycle));
        }
    }

    @CommandHandler
    public PositionFigures handle(TakeSnapshot command) {
        PositionFigures now = current(mode);
        apply(new PositionSnapshotTaken(positionId, asset, mode, command.snapshotId(), command.takenAt(), now));
        return now;
    }

    @CommandHandler
    public ValidationResult handle(ValidatePosition command, ReconciliationPolicy policy) {
        PositionFigures before = current(mode);
        List<String> differences = new ArrayList<>();
        List<PositionCorrected> corrections = new ArrayList<>();
        PositionFigures corrected = before;
        for (ReportedLegEntry reported : reportedLegsInOrder()) {
            LegFigures leg = corrected.leg(reported.positionIdx());
            BigDecimal difference = reported.leg().size().subtract(leg.size());
            if (difference.abs().compareTo(policy.sizeValidationThreshold()) <= 0) {
                continue;
            }
            String description = "positionIdx %d: size %s here, %s on the exchange".formatted(reported.positionIdx(),
                    leg.size().toPlainString(), reported.leg().size().toPlainString());
            differences.add(description);
            if (command.fixDiscrepancies()) {
                PositionFigures after = correctedLeg(corrected, leg, reported.leg(), command.validatedAt());
                corrections.add(new PositionCorrected(positionId, asset, mode, leg.positionIdx(), leg.size(),
                        after.leg(leg.positionIdx()).size(), leg.averageEntryPrice(),
                        after.leg(leg.positionIdx()).averageEntryPrice(),
                        "validation: " + description, command.validatedAt(), after));
                corrected = after;
            }
        }
        if (differences.isEmpty()) {
            apply(new PositionValidated(positionId, asset, mode, true, false, null, command.validatedAt()));
            return new ValidationResult(true, null, null);
        }
        corrections.forEach(AggregateLifecycle::apply);
        boolean fixed = !corrections.isEmpty();
        if (fixed && before.flat() != corrected.flat()) {
            apply(corrected.flat()
                    ? new PositionClosed(positionId, asset, mode, corrected.lifecycle())
                    : new PositionOpened(positionId, asset, mode, corrected.lifecycle().number(),
                    command.validatedAt()));
        }
        String message = String.join("; ", differences);
        apply(new PositionValidated(positionId, asset, mode, false, fixed, message, command.validatedAt()));
        return new ValidationResult(false, message, fixed ? corrected : null);
    }

    /** The position with one leg set to the exchange's size and entry price; lifecycles follow. */
    private static PositionFigures correctedLeg(PositionFigures position, LegFigures leg, ReportedLeg reported,
                                                Instant at) {
        BigDecimal size = reported.size();
        BigDecimal entry = size.signum() == 0 ? null
                : firstPresent(reported.entryPrice(), leg.averageEntryPrice(), position.currentPrice());
        PositionFigures withLeg = position.withLeg(new LegFigures(leg.positionIdx(), size, entry,
                unrealized(position.currentPrice(), size, entry), leg.realizedPnl()));
        LifecycleFigures lifecycle = position.lifecycle();
        if (position.flat() && !withLeg.flat()) {
            lifecycle = Lifecycles.open(lifecycle, at);
        }
        lifecycle = Lifecycles.adjust(lifecycle, BigDecimal.ZERO, withLeg.grossSize());
        if (!position.flat() && withLeg.flat()) {
            lifecycle = Lifecycles.close(lifecycle, at);
        }
        return new PositionFigures(withLeg.legs(), position.currentPrice(), position.totalFees(),
                position.fillCount(), lifecycle);
    }

    private static BigDecimal firstPresent(BigDecimal... candidates) {
        for (BigDecimal candidate : candidates) {
            if (candidate != null && candidate.signum() > 0) {
                return candidate;
            }
        }
        throw new InvalidPositionCommandException(
                "cannot correct a flat leg: the exchange reported no entry price and no mark price is known");
    }

    private record ReportedLegEntry(int positionIdx, ReportedLeg leg) {
    }

    private List<ReportedLegEntry> reportedLegsInOrder() {
        return reportedLegs.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new ReportedLegEntry(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static boolean adoptsEntryPrice(ReportExchangePosition report, LegFigures leg,
                                            ReconciliationPolicy policy) {
        BigDecimal reported = report.reportedEntryPrice();
        if (!policy.useWsAvgPrice() || reported == null || reported.signum() == 0) {
            return false;
        }
        BigDecimal ours = leg.averageEntryPrice();
        if (ours == null || ours.signum() == 0) {
            return true;
        }
        BigDecimal relativeDifference = reported.subtract(ours).abs()
                .divide(ours, PositionFigures.PRICE_SCALE, RoundingMode.HALF_EVEN);
        return relativeDifference.compareTo(policy.avgPriceDiffThreshold()) > 0;
    }

    @EventSourcingHandler
    void on(PositionOpened event) {
        identify(event.positionId(), event.asset(), event.mode());
    }

    @EventSourcingHandler
    void on(FillApplied event) {
        identify(event.positionId(), event.asset(), event.mode());
        remember(event.fillId());
        figures = event.position();
    }

    @EventSourcingHandler
    void on(FillLinked event) {
        identify(event.positionId(), event.asset(), event.mode());
        remember(event.fillId());
    }

    @EventSourcingHandler
    void on(FundingApplied event) {
        identify(event.positionId(), event.asset(), event.mode());
        remember(event.execId());
        figures = event.position();
    }

    @EventSourcingHandler
    void on(ExchangeReportApplied event) {
        identify(event.positionId(), event.asset(), event.mode());
        reportedLegs.put(event.positionIdx(), new ReportedLeg(new ReportStamp(event.seq(), event.updatedTime()),
                event.reportedSize(), event.reportedEntryPrice()));
        figures = event.position();
    }

    @EventSourcingHandler
    void on(PositionCorrected event) {
        identify(event.positionId(), event.asset(), event.mode());
        figures = event.position();
    }

    @EventSourcingHandler
    void on(PositionSizeDiscrepancyDetected event) {
        identify(event.positionId(), event.asset(), event.mode());
    }

    private void identify(String positionId, String asset, PositionMode mode) {
        this.positionId = positionId;
        this.asset = asset;
        this.mode = mode;
    }

    private void remember(String fillId) {
        recentFillIds.add(fillId);
        if (recentFillIds.size() > REMEMBERED_FILL_IDS) {
            recentFillIds.remove(recentFillIds.iterator().next());
        }
    }

    private PositionFigures current(PositionMode commandMode) {
        return figures != null ? figures : PositionFigures.flat(commandMode);
    }

    private static BigDecimal fee(ApplyFill command) {
        return command.fee() != null ? command.fee() : BigDecimal.ZERO;
    }

    private static int legSign(int legIndex) {
        return legIndex == 2 ? -1 : 1;
    }

    private static BigDecimal unrealized(BigDecimal markPrice, BigDecimal size, BigDecimal averageEntryPrice) {
        return markPrice == null || size.signum() == 0 ? BigDecimal.ZERO
                : markPrice.subtract(averageEntryPrice).multiply(size);
    }

    PositionFigures figures() {
        return figures;
    }

    int rememberedFillIds() {
        return recentFillIds.size();
    }
}
