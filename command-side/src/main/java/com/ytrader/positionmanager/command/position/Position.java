package com.ytrader.positionmanager.command.position;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.ytrader.positionmanager.events.AgedCloseRequested;
import com.ytrader.positionmanager.events.AgedPhaseChanged;
import com.ytrader.positionmanager.events.AgedPositionClosed;
import com.ytrader.positionmanager.events.AgedCloseFailed;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.ExchangeFigures;
import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.FillAlreadyCounted;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FillLinked;
import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.events.OrderProgress;
import com.ytrader.positionmanager.events.OrderProgress.OrderAmounts;
import com.ytrader.positionmanager.events.PositionClosed;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import com.ytrader.positionmanager.events.PositionSizeDiscrepancyDetected;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.events.PositionValidated;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.events.StaleExchangeReportIgnored;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One position, identified by {@code (asset, mode)}. It decides what an execution, an order's state or an exchange
 * report does and records that as events; its state is the figures of the last event plus what it needs to
 * recognise redeliveries, count orders once and tell which executions the exchange's latest report covers.
 *
 * <p>Fills own the size; the exchange owns realized PnL: a leg's realized PnL is the latest report's
 * {@code cumRealisedPnl} plus what the executions that report does not cover realized (docs/ingest.md,
 * "Two sources").
 */
@Aggregate(snapshotTriggerDefinition = "positionSnapshotTrigger", cache = "positionCache",
        commandTargetResolver = "positionCommandTargetResolver")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Position {

    /**
     * Fill ids kept in memory, a fast path for the redeliveries that come within seconds. The durable memory is
     * the event store: an execution's event identifier derives from its fill id ({@link FillEventIdentifiers}), so
     * an older redelivery is refused by the store's unique key.
     */
    static final int REMEMBERED_FILL_IDS = 1_000;

    /** Orders whose progress is kept; the least recently reported leave first. */
    static final int REMEMBERED_ORDERS = 10_000;

    /** Aged transitions remembered: far more than one lifecycle's legs make before their outcome. */
    static final int REMEMBERED_AGED_KEYS = 256;

    @AggregateIdentifier
    private String positionId;
    private String asset;
    private PositionMode mode;
    private PositionFigures figures;
    private LinkedHashSet<String> recentFillIds = new LinkedHashSet<>();
    private Map<Integer, LegBook> books = new HashMap<>();
    private LinkedHashMap<String, OrderProgress> orders = new LinkedHashMap<>();
    private Instant lastExecutedAt;
    /** When the exchange quoted the current mark price: an older quote arriving later changes nothing. */
    private Instant lastPriceAt;
    /** When the last mark price of its own (a ticker, not a report) was quoted: an older report keeps it. */
    private Instant lastQuotedAt;
    /** Aged transitions and close requests recorded lately, so that a retried command records nothing twice. */
    private LinkedHashSet<String> recentAgedKeys = new LinkedHashSet<>();

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
        if (policy.sizeSource() == SizeSource.EXCHANGE) {
            LegTrade trade = LegTrade.of(leg, command.side(), command.quantity(), command.price());
            apply(new FillLinked(command.positionId(), command.asset(), command.mode(), legIndex, command.fillId(),
                    command.orderId(), command.side(), command.quantity(), command.price(), fee(command.fee()),
                    command.executedAt(), trade.relationship()));
            return FillResult.LINKED;
        }
        OrderProgress progress = order(command.orderId());
        OrderAmounts executed = progress.executed().plus(command.quantity(), command.price(), fee(command.fee()));
        OrderProgress after = progressed(progress, executed, progress.state());
        OrderAmounts increment = after.applied().minus(progress.applied());
        if (increment.quantity().signum() <= 0) {
            apply(new FillAlreadyCounted(command.positionId(), command.asset(), command.mode(), legIndex,
                    command.fillId(), command.orderId(), command.quantity(), command.price(), command.executedAt(),
                    after));
            return FillResult.DUPLICATE;
        }
        BigDecimal price = increment.quantity().compareTo(command.quantity()) == 0 ? command.price()
                : incrementPrice(increment);
        recordFill(new Execution(command.positionId(), command.asset(), command.mode(), command.fillId(),
                command.orderId(), legIndex, command.side(),
                increment.quantity(), price, increment.fees(), command.executedAt(), command.stamp(),
                command.feeCurrency(), command.closeReason()), before, after, policy);
        return FillResult.APPLIED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public FillResult handle(ApplyOrderState command, ReconciliationPolicy policy) {
        PositionCommandRules.check(command);
        OrderProgress progress = order(command.orderId());
        if (command.filledQuantity().compareTo(progress.state().quantity()) <= 0) {
            return FillResult.DUPLICATE;
        }
        OrderAmounts state = new OrderAmounts(command.filledQuantity(),
                command.filledQuantity().multiply(command.averagePrice()), fee(command.fees()));
        OrderProgress after = progressed(progress, progress.executed(), state);
        OrderAmounts increment = after.applied().minus(progress.applied());
        if (increment.quantity().signum() <= 0) {
            return FillResult.DUPLICATE;
        }
        int legIndex = PositionCommandRules.legIndex(command.mode(), command.positionIdx());
        recordFill(new Execution(command.positionId(), command.asset(), command.mode(), command.fillId(),
                command.orderId(), legIndex, command.side(), increment.quantity(),
                        incrementPrice(increment), increment.fees(), command.executedAt(),
                        new ExecutionStamp(null, command.executedAt()), null, null),
                current(command.mode()), after, policy);
        return FillResult.APPLIED;
    }

    /** One execution as the position applies it: the part of an order not counted before. */
    private record Execution(String positionId, String asset, PositionMode mode, String fillId, String orderId,
                             int legIndex, Side side, BigDecimal quantity,
                             BigDecimal price, BigDecimal fee, Instant executedAt, ExecutionStamp stamp,
                             String feeCurrency, CloseReason closeReason) {
    }

    private void recordFill(Execution execution, PositionFigures before, OrderProgress order,
                            ReconciliationPolicy policy) {
        LegFigures leg = before.leg(execution.legIndex());
        LegTrade trade = LegTrade.of(leg, execution.side(), execution.quantity(), execution.price());
        if (execution.mode() == PositionMode.HEDGE && trade.sizeAfter().signum() * legSign(execution.legIndex()) < 0) {
            throw new InvalidPositionCommandException("a %s of %s on the %s leg would turn it %s (leg size %s)"
                    .formatted(execution.side().wireName(), execution.quantity().toPlainString(),
                            execution.legIndex() == 1 ? "long" : "short",
                            execution.legIndex() == 1 ? "short" : "long", leg.size().abs().toPlainString()));
        }
        boolean settleFee = SettleCurrency.isSettleCurrency(execution.asset(), execution.feeCurrency());
        BigDecimal fee = settleFee ? execution.fee() : BigDecimal.ZERO;
        BigDecimal closingFee = trade.crossesZero()
                ? fee.multiply(trade.closedQuantity())
                        .divide(execution.quantity(), PositionFigures.PRICE_SCALE, RoundingMode.HALF_EVEN)
                : fee;
        BigDecimal openingFee = fee.subtract(closingFee);
        BigDecimal realized = trade.grossRealizedPnl().subtract(fee);
        LegBook book = book(execution.legIndex());
        boolean covered = book.covers(execution.stamp());
        BigDecimal legRealized = book.pnlCovers(execution.stamp()) ? leg.realizedPnl()
                : leg.realizedPnl().add(realized);
        LegFigures legAfter = reconciled(leg.with(trade.sizeAfter(), trade.averageEntryPriceAfter(),
                unrealized(before.currentPrice(), trade.sizeAfter(), trade.averageEntryPriceAfter()), legRealized),
                covered ? book : book.withUncovered(new UncoveredExecution(execution.stamp().seq(),
                        execution.executedAt(), realized, trade.sizeAfter().subtract(leg.size()))), policy);
        PositionFigures withLeg = before.withLeg(legAfter);
        BigDecimal grossAfter = withLeg.grossSize();

        LifecycleFigures lifecycle = before.lifecycle();
        if (before.flat()) {
            lifecycle = Lifecycles.open(lifecycle, execution.executedAt());
        }
        LifecycleFigures closedLifecycle = null;
        if (trade.crossesZero()) {
            closedLifecycle = Lifecycles.close(Lifecycles.fill(lifecycle, trade.closedQuantity(), execution.price(),
                    trade.grossRealizedPnl().subtract(closingFee), closingFee, before.grossSize()),
                    execution.executedAt(), execution.closeReason());
            lifecycle = Lifecycles.fill(Lifecycles.open(closedLifecycle, execution.executedAt()), BigDecimal.ZERO,
                    execution.price(), openingFee.negate(), openingFee, grossAfter);
        } else {
            lifecycle = Lifecycles.fill(lifecycle, trade.closedQuantity(), execution.price(), realized, fee,
                    grossAfter);
            if (grossAfter.signum() == 0) {
                closedLifecycle = Lifecycles.close(lifecycle, execution.executedAt(), execution.closeReason());
                lifecycle = closedLifecycle;
            }
        }
        PositionFigures after = before.with(withLeg.legs(), before.totalFees().add(fee), before.fillCount() + 1,
                lifecycle);
        if (!settleFee && execution.fee().signum() != 0) {
            after = after.withFeeIn(execution.feeCurrency().trim().toUpperCase(Locale.ROOT),
                    execution.fee());
        }
        applyChange(execution.positionId(), execution.asset(), execution.mode(), before, after, closedLifecycle,
                execution.executedAt(), List.of(new FillApplied(execution.positionId(), execution.asset(),
                        execution.mode(), leg.positionIdx(), execution.fillId(), execution.orderId(), execution.side(),
                        execution.quantity(), execution.price(), execution.fee(), execution.executedAt(),
                        trade.relationship(), trade.sizeAfter().subtract(leg.size()), realized, execution.stamp().seq(),
                        execution.feeCurrency(), execution.closeReason(), covered, order, after)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public FillResult handle(ApplyFunding command) {
        PositionCommandRules.check(command);
        if (recentFillIds.contains(command.execId())) {
            return FillResult.DUPLICATE;
        }
        PositionFigures before = current(command.mode());
        int legIndex = PositionCommandRules.legIndex(command.mode(), command.positionIdx());
        LegFigures leg = before.leg(legIndex);
        BigDecimal realized = command.amount().negate();
        LegBook book = book(legIndex);
        boolean covered = book.covers(command.stamp());
        LegFigures legAfter = leg.with(leg.size(), leg.averageEntryPrice(), leg.unrealizedPnl(),
                book.pnlCovers(command.stamp()) ? leg.realizedPnl() : leg.realizedPnl().add(realized));
        PositionFigures after = before.with(before.withLeg(legAfter).legs(), before.totalFees(), before.fillCount(),
                Lifecycles.adjust(before.lifecycle(), realized, before.grossSize()));
        apply(new FundingApplied(command.positionId(), command.asset(), command.mode(), leg.positionIdx(),
                command.execId(), command.amount(), command.executedAt(), command.seq(), covered, after));
        return FillResult.APPLIED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReportExchangePosition command, ReconciliationPolicy policy, DeadlineManager deadlines) {
        PositionCommandRules.check(command);
        ReportStamp stamp = new ReportStamp(command.seq(), command.updatedTime());
        LegBook book = book(command.positionIdx());
        ReportStamp last = book.report() == null ? null : book.report().stamp();
        if (!stamp.newerThan(last)) {
            apply(new StaleExchangeReportIgnored(command.positionId(), command.asset(), command.mode(),
                    command.positionIdx(), command.seq(), command.updatedTime(), last.seq(), last.updatedTime()));
            return;
        }
        ExchangeFigures reported = command.figures();
        PositionFigures before = current(command.mode());
        LegFigures leg = before.leg(command.positionIdx());
        boolean exchangeOwnsSize = policy.sizeSource() == SizeSource.EXCHANGE;
        if (exchangeOwnsSize) {
            applyOwnedReport(command, before, leg, policy);
            return;
        }
        LegBook rebased = book.reported(ReportedLeg.of(reported), null);
        BigDecimal realized = reported.realizedPnl() != null
                ? reported.realizedPnl().add(rebased.uncoveredRealizedPnl())
                : leg.realizedPnl();
        // a mark price quoted after the report's (a ticker) stands, with our unrealized PnL at it: the same figures
        // as when that price comes after the report
        boolean newerPrice = lastQuotedAt != null && !command.updatedTime().isAfter(lastQuotedAt);
        boolean reportPrices = command.markPrice() != null && !newerPrice;
        BigDecimal mark = reportPrices ? command.markPrice() : before.currentPrice();
        LegFigures reportedLeg = leg.with(leg.size(), leg.averageEntryPrice(),
                unrealized(mark, leg.size(), leg.averageEntryPrice()), realized).withExchange(reported);
        LegFigures legAfter = newerPrice ? reportedLeg : reconciled(reportedLeg, rebased, policy);
        BigDecimal coveredSize = rebased.coveredSize(leg.size());
        Instant pendingSince = null;
        if (policy.differs(command.reportedSize(), coveredSize) || entryDiffers(legAfter, rebased, policy)) {
            // a difference the executions received since have explained is over: this one waits a grace of its own
            pendingSince = book.pendingSince() != null && !explained(book, leg, policy) ? book.pendingSince()
                    : command.updatedTime();
        }
        PositionFigures after = reportPrices ? before.withLeg(legAfter).withPrice(mark, PriceSource.WEBSOCKET,
                command.updatedTime()) : before.withLeg(legAfter);
        apply(new ExchangeReportApplied(command.positionId(), command.asset(), command.mode(), command.positionIdx(),
                command.seq(), command.updatedTime(), command.reportedSize(), command.reportedEntryPrice(),
                command.markPrice(), command.unrealizedPnl(), command.realizedPnl(), false, false,
                coveredSize, pendingSince, after, command.trailingStop()));
        if (pendingSince == null || book(command.positionIdx()).confirmed()) {
            return;
        }
        if (!pendingSince.equals(book.pendingSince())) {
            deadlines.schedule(policy.reconcileGrace(), ReconcileGraceElapsed.DEADLINE,
                    new ReconcileGraceElapsed(command.positionIdx(), pendingSince));
        } else if (!command.updatedTime().isBefore(pendingSince.plus(policy.reconcileGrace()))) {
            confirmDifference(command.positionIdx(), "newer_report", command.updatedTime(), policy);
        }
    }

    /** {@code POSITION_MANAGER_SIZE_SOURCE=exchange}: the report sets size and entry price; lifecycles follow. */
    private void applyOwnedReport(ReportExchangePosition command, PositionFigures before, LegFigures leg,
                                  ReconciliationPolicy policy) {
        BigDecimal size = command.reportedSize();
        boolean entryAdopted = size.signum() != 0 && adoptsEntryPrice(command.reportedEntryPrice(),
                leg.averageEntryPrice(), policy);
        BigDecimal entry = size.signum() == 0 ? null : entryAdopted ? command.reportedEntryPrice()
                : leg.averageEntryPrice();
        LegFigures legAfter = new LegFigures(leg.positionIdx(), size, entry,
                command.unrealizedPnl() != null ? command.unrealizedPnl() : leg.unrealizedPnl(),
                command.realizedPnl() != null ? command.realizedPnl() : leg.realizedPnl(), command.figures());
        PositionFigures withLeg = before.withLeg(legAfter);
        LifecycleFigures lifecycle = transition(before, withLeg, command.updatedTime());
        PositionFigures moved = before.with(withLeg.legs(), before.totalFees(), before.fillCount(), lifecycle);
        PositionFigures after = command.markPrice() == null ? moved
                : moved.withPrice(command.markPrice(), PriceSource.WEBSOCKET, command.updatedTime());
        applyChange(command.positionId(), command.asset(), command.mode(), before, after, ended(before, after),
                command.updatedTime(), List.of(new ExchangeReportApplied(command.positionId(), command.asset(),
                        command.mode(), command.positionIdx(), command.seq(), command.updatedTime(),
                        command.reportedSize(), command.reportedEntryPrice(), command.markPrice(),
                        command.unrealizedPnl(), command.realizedPnl(), entryAdopted,
                        command.reportedSize().compareTo(leg.size()) != 0, size, null, after,
                        command.trailingStop())));
    }

    /**
     * A leg that the latest report describes as we hold it (no execution it lacks, the same size, the same entry
     * price within the threshold) takes the report's unrealized PnL; otherwise our figures stand, with unrealized PnL
     * at the report's mark price.
     */
    private static LegFigures reconciled(LegFigures leg, LegBook book, ReconciliationPolicy policy) {
        if (!inStep(leg, book, policy) || adoptsEntryPrice(book.report().figures().entryPrice(),
                leg.averageEntryPrice(), policy)) {
            return leg;
        }
        ExchangeFigures exchange = book.report().figures();
        return exchange.unrealizedPnl() == null ? leg
                : leg.with(leg.size(), leg.averageEntryPrice(), exchange.unrealizedPnl(), leg.realizedPnl());
    }

    /** Whether the executions received since the book's report make it agree with the leg: its difference is over. */
    private static boolean explained(LegBook book, LegFigures leg, ReconciliationPolicy policy) {
        return book.report() != null && !policy.differs(book.report().figures().size(), book.coveredSize(leg.size()))
                && !entryDiffers(leg, book, policy);
    }

    private static boolean inStep(LegFigures leg, LegBook book, ReconciliationPolicy policy) {
        return book.report() != null && book.uncovered().isEmpty() && leg.open()
                && !policy.differs(book.report().figures().size(), leg.size());
    }

    /**
     * The exchange's entry price differs from ours beyond {@code POSITION_MANAGER_AVG_PRICE_DIFF_THRESHOLD} while
     * the report describes the leg as we hold it. It is adopted only once that outlives the grace period: until
     * then an execution the report covers may still be on its way and explain it.
     */
    private static boolean entryDiffers(LegFigures leg, LegBook book, ReconciliationPolicy policy) {
        return inStep(leg, book, policy)
                && adoptsEntryPrice(book.report().figures().entryPrice(), leg.averageEntryPrice(), policy);
    }

    @DeadlineHandler(deadlineName = ReconcileGraceElapsed.DEADLINE)
    void on(ReconcileGraceElapsed deadline, ReconciliationPolicy policy) {
        LegBook book = book(deadline.positionIdx());
        if (book.confirmed() || !deadline.pendingSince().equals(book.pendingSince())) {
            return;
        }
        confirmDifference(deadline.positionIdx(), "grace_elapsed",
                deadline.pendingSince().plus(policy.reconcileGrace()), policy);
    }

    /**
     * A difference from the latest report that outlived the grace period: a size difference is recorded as a
     * discrepancy (validation corrects it); an entry price the exchange reports for the leg as we hold it is adopted.
     */
    private void confirmDifference(int positionIdx, String confirmedBy, Instant at, ReconciliationPolicy policy) {
        LegBook book = book(positionIdx);
        ExchangeFigures report = book.report().figures();
        LegFigures leg = figures.leg(positionIdx);
        BigDecimal coveredSize = book.coveredSize(leg.size());
        if (policy.differs(report.size(), coveredSize)) {
            apply(new PositionSizeDiscrepancyDetected(positionId, asset, mode, positionIdx, coveredSize,
                    report.size(), report.size().subtract(coveredSize), policy.sizeValidationThreshold(),
                    report.seq(), report.updatedTime(), confirmedBy));
        } else if (entryDiffers(leg, book, policy)) {
            LegFigures adopted = leg.with(leg.size(), report.entryPrice(),
                    report.unrealizedPnl() != null ? report.unrealizedPnl()
                            : unrealized(figures.currentPrice(), leg.size(), report.entryPrice()), leg.realizedPnl());
            apply(new PositionCorrected(positionId, asset, mode, positionIdx, leg.size(), leg.size(),
                    leg.averageEntryPrice(), report.entryPrice(), "exchange entry price (" + confirmedBy + "): "
                    + leg.averageEntryPrice().toPlainString() + " here, " + report.entryPrice().toPlainString()
                    + " on the exchange at seq " + report.seq(), report.seq(), at, figures.withLeg(adopted)));
        }
    }

    @CommandHandler
    public boolean handle(ApplyMarkPrice command) {
        PositionCommandRules.check(command);
        PositionFigures before = current(command.mode());
        boolean older = lastPriceAt != null && !command.priceTime().isAfter(lastPriceAt);
        // a ticker repeating the price changes nothing; a price fetched because ours was stale makes it fresh again
        boolean samePrice = before.currentPrice() != null && command.markPrice().compareTo(before.currentPrice()) == 0;
        if (before.flat() || older || samePrice && command.source() == PriceSource.WEBSOCKET) {
            return false;
        }
        List<LegFigures> legs = before.legs().stream()
                .map(leg -> leg.with(leg.size(), leg.averageEntryPrice(),
                        unrealized(command.markPrice(), leg.size(), leg.averageEntryPrice()), leg.realizedPnl()))
                .toList();
        apply(new MarkPriceUpdated(positionId, asset, mode, command.markPrice(), command.source(),
                command.priceTime(), before.with(legs, before.totalFees(), before.fillCount(), before.lifecycle())
                .withPrice(command.markPrice(), command.source(), command.priceTime())));
        return true;
    }

    /** Records the aged saga's decision while that leg of that lifecycle is open; false when it is not. */
    @CommandHandler
    public boolean handle(RecordAgedPhase command) {
        AgedPhaseChanged change = command.change();
        if (!legOpenIn(change.lifecycle(), change.positionIdx()) || recentAgedKeys.contains(agedKey(change))) {
            return false;
        }
        apply(change);
        return true;
    }

    /**
     * Records a close request for the leg as it is now: the closing side and the whole open quantity. Nothing when
     * the leg of that lifecycle is already flat, or when the request was recorded before.
     */
    @CommandHandler
    public boolean handle(RequestAgedClose command) {
        if (!legOpenIn(command.lifecycle(), command.positionIdx()) || recentAgedKeys.contains(command.requestId())) {
            return false;
        }
        LegFigures leg = figures.leg(command.positionIdx());
        apply(new AgedCloseRequested(positionId, asset, mode, command.lifecycle(), command.positionIdx(),
                command.agedId(), command.requestId(), leg.size().signum() > 0 ? Side.SELL : Side.BUY,
                leg.size().abs(), command.reason(), command.phase(), command.targetPrice(), command.triggerPrice(),
                command.attempt(), command.traceId(), command.requestedAt()));
        return true;
    }

    /** Records the end of an aged leg once, even when its lifecycle is over (a flip starts the next at once). */
    @CommandHandler
    public boolean handle(RecordAgedOutcome command) {
        String key = agedKey(command.outcome());
        if (recentAgedKeys.contains(key)) {
            return false;
        }
        apply(command.outcome());
        return true;
    }

    private boolean legOpenIn(int lifecycle, int positionIdx) {
        return figures != null && figures.lifecycle().number() == lifecycle && !figures.flat()
                && figures.legs().stream().anyMatch(leg -> leg.positionIdx() == positionIdx && leg.open());
    }

    private static String agedKey(PositionEvent event) {
        if (event instanceof AgedPhaseChanged change) {
            return change.agedId() + ":" + change.to().wireName() + ":" + change.at();
        }
        if (event instanceof AgedCloseRequested request) {
            return request.requestId();
        }
        if (event instanceof AgedPositionClosed closed) {
            return closed.agedId() + ":closed";
        }
        if (event instanceof AgedCloseFailed failed) {
            return failed.agedId() + ":error";
        }
        throw new InvalidPositionCommandException("not an aged outcome: " + event.getClass().getSimpleName());
    }

    @CommandHandler
    public LastExecution handle(FindLastExecution command) {
        return new LastExecution(lastExecutedAt);
    }

    @CommandHandler
    public PositionFigures handle(TakeSnapshot command) {
        PositionFigures now = current(mode);
        apply(new PositionSnapshotTaken(positionId, asset, mode, command.snapshotId(), command.takenAt(), now));
        return now;
    }

    /**
     * Compares each leg with the exchange at a sequence that the comparison can trust: the exchange's position
     * from its REST API, taken after the missing executions were fetched (then any difference is real), or else the
     * latest report, compared with our size over the executions it covers — where a difference is corrected only
     * once it is confirmed (it outlived the grace period), never while executions could still explain it.
     */
    @CommandHandler
    public ValidationResult handle(ValidatePosition command, ReconciliationPolicy policy) {
        PositionFigures before = current(mode);
        List<String> differences = new ArrayList<>();
        List<PositionCorrected> corrections = new ArrayList<>();
        PositionFigures corrected = before;
        for (LegFigures leg : before.legs()) {
            int positionIdx = leg.positionIdx();
            LegBook book = book(positionIdx);
            ExchangeFigures fetched = command.exchangeLegs().get(positionIdx);
            boolean trusted = fetched != null && (book.report() == null
                    || new ReportStamp(fetched.seq(), fetched.updatedTime()).compareTo(book.report().stamp()) >= 0);
            ExchangeFigures reference = trusted ? fetched : book.report() == null ? null : book.report().figures();
            if (reference == null) {
                continue;
            }
            LegBook compared = trusted ? book.reported(ReportedLeg.of(reference), null) : book;
            BigDecimal coveredSize = compared.coveredSize(leg.size());
            if (!policy.differs(reference.size(), coveredSize)) {
                continue;
            }
            boolean confirmed = trusted || book.confirmed() || book.pendingSince() != null
                    && !command.validatedAt().isBefore(book.pendingSince().plus(policy.reconcileGrace()));
            String description = "positionIdx %d: size %s here, %s on the exchange at seq %d%s"
                    .formatted(positionIdx, coveredSize.toPlainString(), reference.size().toPlainString(),
                            reference.seq(), confirmed ? "" : " (pending: executions it covers may still arrive)");
            differences.add(description);
            if (command.fixDiscrepancies() && confirmed) {
                PositionFigures after = correctedLeg(corrected, corrected.leg(positionIdx),
                        reference.size().subtract(coveredSize), compared.uncovered().isEmpty() ? reference : null,
                        command.validatedAt());
                corrections.add(new PositionCorrected(positionId, asset, mode, positionIdx, leg.size(),
                        after.leg(positionIdx).size(), leg.averageEntryPrice(), after.leg(positionIdx).averageEntryPrice(),
                        "validation: " + description, reference.seq(), command.validatedAt(), after));
                corrected = after;
            }
        }
        if (differences.isEmpty()) {
            apply(new PositionValidated(positionId, asset, mode, true, false, null, command.validatedAt()));
            return new ValidationResult(true, null, null);
        }
        applyChange(positionId, asset, mode, before, corrected, ended(before, corrected), command.validatedAt(),
                corrections);
        boolean fixed = !corrections.isEmpty();
        String message = String.join("; ", differences);
        apply(new PositionValidated(positionId, asset, mode, false, fixed, message, command.validatedAt()));
        return new ValidationResult(false, message, fixed ? corrected : null);
    }

    /**
     * The position with one leg's size moved by {@code difference}; the entry price becomes the exchange's when
     * the exchange's figures describe the whole leg ({@code exchange} non-null), else ours stays.
     */
    private static PositionFigures correctedLeg(PositionFigures position, LegFigures leg, BigDecimal difference,
                                                ExchangeFigures exchange, Instant at) {
        BigDecimal size = leg.size().add(difference);
        BigDecimal entry = size.signum() == 0 ? null
                : firstPresent(exchange == null ? null : exchange.entryPrice(), leg.averageEntryPrice(),
                position.currentPrice());
        PositionFigures withLeg = position.withLeg(leg.with(size, entry, unrealized(position.currentPrice(), size, entry),
                leg.realizedPnl()));
        return position.with(withLeg.legs(), position.totalFees(), position.fillCount(),
                transition(position, withLeg, at));
    }

    /**
     * Applies the events of one change of the position with the lifecycle events it implies, in the one order of
     * every change (fills, exchange reports that own the size, corrections): {@code PositionOpened} before a change
     * that opens a flat position; {@code PositionClosed} after one that ended a lifecycle ({@code ended}, as it
     * ended), followed by {@code PositionOpened} when the same change opened the next one (a fill that flips it).
     */
    private static void applyChange(String positionId, String asset, PositionMode mode, PositionFigures before,
                                    PositionFigures after, LifecycleFigures ended, Instant at, List<?> changes) {
        if (before.flat() && !after.flat()) {
            apply(new PositionOpened(positionId, asset, mode, after.lifecycle().number(), at, openLegs(after)));
        }
        changes.forEach(change -> apply(change));
        if (ended != null) {
            apply(new PositionClosed(positionId, asset, mode, ended));
            if (!after.flat()) {
                apply(new PositionOpened(positionId, asset, mode, after.lifecycle().number(), at, openLegs(after)));
            }
        }
    }

    /** The lifecycle a change that sets sizes ended: the last one, when it left an open position flat. */
    private static LifecycleFigures ended(PositionFigures before, PositionFigures after) {
        return !before.flat() && after.flat() ? after.lifecycle() : null;
    }

    /** The lifecycle after a change that may open a flat position or flatten an open one. */
    private static LifecycleFigures transition(PositionFigures before, PositionFigures withLeg, Instant at) {
        LifecycleFigures lifecycle = before.lifecycle();
        if (before.flat() && !withLeg.flat()) {
            lifecycle = Lifecycles.open(lifecycle, at);
        }
        lifecycle = Lifecycles.adjust(lifecycle, BigDecimal.ZERO, withLeg.grossSize());
        if (!before.flat() && withLeg.flat()) {
            lifecycle = Lifecycles.close(lifecycle, at);
        }
        return lifecycle;
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

    private static boolean adoptsEntryPrice(BigDecimal reported, BigDecimal ours, ReconciliationPolicy policy) {
        if (!policy.useWsAvgPrice() || reported == null || reported.signum() == 0) {
            return false;
        }
        if (ours == null || ours.signum() == 0) {
            return true;
        }
        BigDecimal relativeDifference = reported.subtract(ours).abs()
                .divide(ours, PositionFigures.PRICE_SCALE, RoundingMode.HALF_EVEN);
        return relativeDifference.compareTo(policy.avgPriceDiffThreshold()) > 0;
    }

    /** What the order contributes after a change of either of its reports: the larger of the two, once reached. */
    private static OrderProgress progressed(OrderProgress progress, OrderAmounts executed, OrderAmounts state) {
        OrderProgress next = new OrderProgress(executed, state, progress.applied());
        OrderAmounts target = next.target();
        return target.quantity().compareTo(progress.applied().quantity()) > 0
                ? new OrderProgress(executed, state, target) : next;
    }

    private static BigDecimal incrementPrice(OrderAmounts increment) {
        BigDecimal price = increment.notional().divide(increment.quantity(), PositionFigures.PRICE_SCALE,
                RoundingMode.HALF_EVEN);
        if (price.signum() <= 0) {
            throw new InvalidPositionCommandException("the order's reports are inconsistent: the increment of "
                    + increment.quantity().toPlainString() + " would be at price " + price.toPlainString());
        }
        return price.stripTrailingZeros();
    }

    @EventSourcingHandler
    void on(PositionOpened event) {
        identify(event.positionId(), event.asset(), event.mode());
    }

    @EventSourcingHandler
    void on(FillApplied event) {
        identify(event.positionId(), event.asset(), event.mode());
        remember(event.fillId(), event.executedAt());
        if (event.order() != null && event.orderId() != null) {
            rememberOrder(event.orderId(), event.order());
        }
        if (!event.covered()) {
            books.put(event.positionIdx(), book(event.positionIdx()).withUncovered(new UncoveredExecution(event.seq(),
                    event.executedAt(), event.realizedPnl(), event.sizeDelta())));
        }
        figures = event.position();
    }

    @EventSourcingHandler
    void on(FillAlreadyCounted event) {
        identify(event.positionId(), event.asset(), event.mode());
        remember(event.fillId(), event.executedAt());
        rememberOrder(event.orderId(), event.order());
    }

    @EventSourcingHandler
    void on(FillLinked event) {
        identify(event.positionId(), event.asset(), event.mode());
        remember(event.fillId(), event.executedAt());
    }

    @EventSourcingHandler
    void on(FundingApplied event) {
        identify(event.positionId(), event.asset(), event.mode());
        remember(event.execId(), event.executedAt());
        if (!event.covered()) {
            books.put(event.positionIdx(), book(event.positionIdx()).withUncovered(new UncoveredExecution(event.seq(),
                    event.executedAt(), event.amount().negate(), BigDecimal.ZERO)));
        }
        figures = event.position();
    }

    @EventSourcingHandler
    void on(ExchangeReportApplied event) {
        identify(event.positionId(), event.asset(), event.mode());
        books.put(event.positionIdx(), book(event.positionIdx()).reported(
                ReportedLeg.of(new ExchangeFigures(event.seq(), event.updatedTime(), event.reportedSize(),
                        event.reportedEntryPrice(), event.markPrice(), event.unrealizedPnl(), event.realizedPnl())),
                event.discrepancyPendingSince()));
        if (event.markPrice() != null && (lastPriceAt == null || event.updatedTime().isAfter(lastPriceAt))) {
            lastPriceAt = event.updatedTime();
        }
        figures = event.position();
    }

    @EventSourcingHandler
    void on(PositionCorrected event) {
        identify(event.positionId(), event.asset(), event.mode());
        books.put(event.positionIdx(), book(event.positionIdx()).corrected());
        figures = event.position();
    }

    @EventSourcingHandler
    void on(MarkPriceUpdated event) {
        lastPriceAt = event.priceTime();
        lastQuotedAt = event.priceTime();
        figures = event.position();
    }

    @EventSourcingHandler
    void on(AgedPhaseChanged event) {
        rememberAged(event);
    }

    @EventSourcingHandler
    void on(AgedCloseRequested event) {
        rememberAged(event);
    }

    @EventSourcingHandler
    void on(AgedPositionClosed event) {
        rememberAged(event);
    }

    @EventSourcingHandler
    void on(AgedCloseFailed event) {
        rememberAged(event);
    }

    private void rememberAged(PositionEvent event) {
        recentAgedKeys.add(agedKey(event));
        if (recentAgedKeys.size() > REMEMBERED_AGED_KEYS) {
            recentAgedKeys.remove(recentAgedKeys.iterator().next());
        }
    }

    @EventSourcingHandler
    void on(PositionSizeDiscrepancyDetected event) {
        identify(event.positionId(), event.asset(), event.mode());
        books.put(event.positionIdx(), book(event.positionIdx()).confirmedDiscrepancy());
    }

    private void identify(String positionId, String asset, PositionMode mode) {
        this.positionId = positionId;
        this.asset = asset;
        this.mode = mode;
    }

    private void remember(String fillId, Instant executedAt) {
        if (lastExecutedAt == null || executedAt.isAfter(lastExecutedAt)) {
            lastExecutedAt = executedAt;
        }
        recentFillIds.add(fillId);
        if (recentFillIds.size() > REMEMBERED_FILL_IDS) {
            recentFillIds.remove(recentFillIds.iterator().next());
        }
    }

    private void rememberOrder(String orderId, OrderProgress progress) {
        orders.remove(orderId);
        orders.put(orderId, progress);
        if (orders.size() > REMEMBERED_ORDERS) {
            orders.remove(orders.keySet().iterator().next());
        }
    }

    private OrderProgress order(String orderId) {
        OrderProgress progress = orderId == null ? null : orders.get(orderId);
        return progress != null ? progress : OrderProgress.none();
    }

    private LegBook book(int positionIdx) {
        return books.getOrDefault(positionIdx, LegBook.empty());
    }

    private PositionFigures current(PositionMode commandMode) {
        return figures != null ? figures : PositionFigures.flat(commandMode);
    }

    private static List<LegFigures> openLegs(PositionFigures position) {
        return position.legs().stream().filter(LegFigures::open).toList();
    }

    private static BigDecimal fee(BigDecimal fee) {
        return fee != null ? fee : BigDecimal.ZERO;
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
