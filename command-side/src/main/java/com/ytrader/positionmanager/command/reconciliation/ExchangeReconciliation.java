package com.ytrader.positionmanager.command.reconciliation;

import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ApplyFunding;
import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.command.position.ExecutionType;
import com.ytrader.positionmanager.command.position.FillEventIdentifiers;
import com.ytrader.positionmanager.command.position.FindLastExecution;
import com.ytrader.positionmanager.command.position.InvalidPositionCommandException;
import com.ytrader.positionmanager.command.position.LastExecution;
import com.ytrader.positionmanager.command.position.ValidatePosition;
import com.ytrader.positionmanager.command.position.ValidationResult;
import com.ytrader.positionmanager.events.ExchangeFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.events.UpdateSource;
import com.ytrader.positionmanager.exchange.BybitClient;
import com.ytrader.positionmanager.exchange.BybitExecution;
import com.ytrader.positionmanager.exchange.BybitPosition;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Validation against the exchange (docs/ingest.md, "Validation and correction"). With API credentials it first
 * applies the executions the position is missing, fetched from {@code GET /v5/execution/list} from its latest known
 * execution on (deduplicated by {@code execId}, applied as ordinary fills, source {@code reconciliation}), then
 * compares with {@code GET /v5/position/list} at the exchange's seq, so that only a difference that remains is a
 * discrepancy. Without credentials it compares with the latest streamed report, which corrects nothing an
 * execution on its way could still explain.
 */
@Component
public class ExchangeReconciliation {

    private static final Logger log = LoggerFactory.getLogger(ExchangeReconciliation.class);

    private final BybitClient exchange;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration lookback;

    ExchangeReconciliation(BybitClient exchange, CommandGateway commands,
                           @Value("${position-manager.reconcile-lookback}") Duration lookback) {
        this.exchange = exchange;
        this.commands = commands;
        this.clock = Clock.systemUTC();
        this.lookback = lookback;
    }

    /** Validates one position; {@code metaData} carries the source and trace of the request. */
    public ValidationResult validate(String asset, PositionMode mode, boolean fix, CommandMetadata metaData) {
        Instant now = clock.instant();
        if (!exchange.hasCredentials()) {
            return send(ValidatePosition.of(asset, mode, fix, now), metaData);
        }
        Instant from = startOfMissingExecutions(asset, mode, now);
        applyMissing(asset, mode, exchange.executions(asset, from, now), from, metaData);
        return send(ValidatePosition.against(asset, mode, fix, now, legs(mode, exchange.positions(asset))),
                metaData);
    }

    /**
     * Validates many positions with two paginated lists, whatever their number: every position of the settle coin,
     * and every execution since the earliest of the positions' latest executions.
     *
     * @return how many positions were validated
     */
    public int validateAll(List<PositionKey> positions, boolean fix, CommandMetadata metaData) {
        Instant now = clock.instant();
        if (!exchange.hasCredentials()) {
            return visit(positions, position -> send(ValidatePosition.of(position.asset(), position.mode(), fix, now),
                    metaData));
        }
        Map<PositionKey, Instant> starts = new HashMap<>();
        positions.forEach(position -> starts.put(position,
                startOfMissingExecutions(position.asset(), position.mode(), now)));
        Instant earliest = starts.values().stream().min(Instant::compareTo).orElse(now);
        Map<String, List<BybitExecution>> executions = exchange.executions(null, earliest, now).stream()
                .collect(Collectors.groupingBy(BybitExecution::symbol));
        Map<String, List<BybitPosition>> reported = exchange.positions(null).stream()
                .collect(Collectors.groupingBy(BybitPosition::symbol));
        return visit(positions, position -> {
            applyMissing(position.asset(), position.mode(), executions.getOrDefault(position.asset(), List.of()),
                    starts.get(position), metaData);
            return send(ValidatePosition.against(position.asset(), position.mode(), fix, now,
                    legs(position.mode(), reported.getOrDefault(position.asset(), List.of()))), metaData);
        });
    }

    /** A position to validate. */
    public record PositionKey(String asset, PositionMode mode) {
    }

    private int visit(List<PositionKey> positions, Function<PositionKey, ValidationResult> validation) {
        int visited = 0;
        for (PositionKey position : positions) {
            try {
                validation.apply(position);
                visited++;
            } catch (RuntimeException e) {
                // one position that cannot be validated must not stop the others
                log.warn("Validation of {} {} failed: {}", position.asset(), position.mode().wireName(),
                        e.getMessage());
            }
        }
        return visited;
    }

    private Instant startOfMissingExecutions(String asset, PositionMode mode, Instant now) {
        LastExecution last = commands.sendAndWait(FindLastExecution.of(asset, mode));
        Instant earliest = now.minus(lookback);
        return last.executedAt() == null || last.executedAt().isBefore(earliest) ? earliest : last.executedAt();
    }

    /**
     * Executions carry no leg: in hedge mode they cannot be told apart, and the comparison alone finds what is
     * missing.
     */
    private void applyMissing(String asset, PositionMode mode, List<BybitExecution> executions, Instant from,
                              CommandMetadata metaData) {
        if (mode == PositionMode.HEDGE) {
            return;
        }
        for (BybitExecution execution : executions) {
            if (execution.execTime().isBefore(from)) {
                continue;
            }
            try {
                commands.sendAndWait(metaData.as(UpdateSource.RECONCILIATION, "bybit:" + execution.execId())
                        .command(command(asset, mode, execution)));
            } catch (RuntimeException e) {
                if (FillEventIdentifiers.isRecordedExecution(e)) {
                    continue;
                }
                if (e instanceof InvalidPositionCommandException) {
                    log.warn("Execution {} of {} from the exchange not applied: {}", execution.execId(), asset,
                            e.getMessage());
                    continue;
                }
                throw e;
            }
        }
    }

    private static Object command(String asset, PositionMode mode, BybitExecution execution) {
        ExecutionType type = ExecutionType.of(execution.execType(), execution.createType());
        BigDecimal fee = execution.execFee() != null ? execution.execFee() : BigDecimal.ZERO;
        if (type.settlement()) {
            return ApplyFunding.of(asset, mode, null, execution.execId(), fee, execution.execTime(), execution.seq());
        }
        return ApplyFill.of(asset, mode, null, execution.execId(), execution.orderId(),
                Side.fromWireName(execution.side()), execution.execQty(), execution.execPrice(), fee,
                execution.execTime(), execution.seq(), execution.feeCurrency(), type.closeReason());
    }

    /** The exchange's position per leg, signed, as the validation compares it. */
    private Map<Integer, ExchangeFigures> legs(PositionMode mode, List<BybitPosition> positions) {
        Map<Integer, ExchangeFigures> legs = new HashMap<>();
        for (BybitPosition position : positions) {
            boolean hedgeLeg = position.positionIdx() == 1 || position.positionIdx() == 2;
            if (hedgeLeg != (mode == PositionMode.HEDGE)) {
                continue;
            }
            legs.put(position.positionIdx(), new ExchangeFigures(position.seq() == null ? -1 : position.seq(),
                    position.updatedTime() != null ? position.updatedTime() : clock.instant(),
                    position.signedSize(),
                    position.avgPrice(), position.markPrice(), position.unrealisedPnl(),
                    position.cumRealisedPnl()));
        }
        return legs;
    }

    private ValidationResult send(ValidatePosition command, CommandMetadata metaData) {
        return commands.sendAndWait(metaData.command(command));
    }
}
