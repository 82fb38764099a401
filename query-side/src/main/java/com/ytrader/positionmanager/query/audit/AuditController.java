package com.ytrader.positionmanager.query.audit;

import com.ytrader.positionmanager.api.InvalidParameterException;
import com.ytrader.positionmanager.api.NotFoundException;
import com.ytrader.positionmanager.api.Parameters;
import com.ytrader.positionmanager.api.RejectedInput;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.timeline.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

@RestController
@RequestMapping("/api/v1/positions")
@Tag(name = "history")
class AuditController {

    static final int MAX_PAGE = 1000;
    private static final String CURSOR_PREFIX = "seq:";

    private final AuditTrail trail;
    private final AuditVerifier verifier;

    AuditController(AuditTrail trail, AuditVerifier verifier) {
        this.trail = trail;
        this.verifier = verifier;
    }

    @GetMapping("/{asset}/history")
    @Operation(operationId = "getPositionHistory",
            summary = "Every change of the position, oldest first, with the fields before and after")
    HistoryResponse history(@PathVariable String asset,
                            @RequestParam(defaultValue = "one-way") PositionMode mode,
                            @RequestParam(required = false) @Parameter(description = "business time, inclusive")
                            String from,
                            @RequestParam(required = false) @Parameter(description = "business time, inclusive")
                            String to,
                            @RequestParam(defaultValue = "100") @Parameter(description = "1 to 1000") int limit,
                            @RequestParam(required = false) @Parameter(description = "next_cursor of the page before")
                            String cursor) {
        Parameters.asset("asset", asset);
        Parameters.between("limit", limit, 1, MAX_PAGE);
        Instant fromTime = Timestamps.parse("from", from);
        Instant toTime = Timestamps.parse("to", to);
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw new InvalidParameterException("from", "from (" + fromTime + ") must not be after to (" + toTime + ")");
        }
        long after = cursor == null ? -1 : decode(cursor);
        String positionId = PositionId.of(asset, mode);
        if (!trail.exists(positionId)) {
            throw new NotFoundException("no position " + positionId);
        }
        List<AuditTrail.Change> changes = trail.changes(positionId, after, fromTime, toTime, limit + 1);
        boolean hasMore = changes.size() > limit;
        List<HistoryResponse.Entry> entries = changes.stream().limit(limit).map(AuditController::entry).toList();
        long last = entries.isEmpty() ? after : entries.get(entries.size() - 1).sequenceNumber();
        return new HistoryResponse(asset, mode, entries, limit, hasMore, last < 0 ? null : encode(last));
    }

    @GetMapping("/{asset}/history/verify")
    @Operation(operationId = "verifyPositionHistory",
            summary = "Recompute the position's audit chain from the event store and report the first broken link")
    VerifyResponse verify(@PathVariable String asset, @RequestParam(defaultValue = "one-way") PositionMode mode) {
        Parameters.asset("asset", asset);
        if (!trail.exists(PositionId.of(asset, mode))) {
            throw new NotFoundException("no position " + PositionId.of(asset, mode));
        }
        return verifier.verify(asset, mode);
    }

    private static HistoryResponse.Entry entry(AuditTrail.Change change) {
        return new HistoryResponse.Entry(change.eventType(), change.sequenceNumber(), change.globalIndex(),
                change.eventIdentifier(), change.businessTime(), change.effectiveTime(), change.recordedTime(),
                change.knownTime(), change.source(), change.traceId(), change.messageId(), change.fillId(),
                change.orderId(), change.payloadJson(), HistoryResponse.Fields.of(change.before()),
                HistoryResponse.Fields.of(change.after()), change.hash(), change.previousHash());
    }

    private static String encode(long sequenceNumber) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + sequenceNumber).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
        } catch (IllegalArgumentException malformed) {
            throw new InvalidParameterException("cursor", "cursor is not one this API issued: '"
                    + RejectedInput.abbreviate(cursor) + "'");
        }
    }
}
