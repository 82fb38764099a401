package com.ytrader.positionmanager.query.deadletter;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.api.ApiRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The parked events of the query side's processors: list, retry, evict (a key with the admin role). */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "admin")
class DeadLetterController {

    static final String ADMIN = "admin";

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Listing(Map<String, Long> counts, List<ParkedEvent> deadLetters) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RetryResult(String processingGroup, int sequencesProcessed, long stillParked) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EvictResult(String processingGroup, String sequenceId, int evicted) {
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters",
            summary = "Parked events per processing group, with their causes (admin key)")
    Listing list(HttpServletRequest request) {
        ApiRoles.require(request, ADMIN);
        Map<String, Long> counts = deadLetters.counts();
        return new Listing(counts, counts.keySet().stream().flatMap(group -> deadLetters.list(group).stream())
                .toList());
    }

    @PostMapping("/{processingGroup}/retry")
    @Operation(operationId = "retryDeadLetters",
            summary = "Hand the group's parked events to its handlers again; those that fail stay parked")
    RetryResult retry(HttpServletRequest request, @PathVariable String processingGroup) {
        ApiRoles.require(request, ADMIN);
        int processed = deadLetters.retry(processingGroup);
        return new RetryResult(processingGroup, processed, deadLetters.count(processingGroup));
    }

    @DeleteMapping("/{processingGroup}/{sequenceId}")
    @Operation(operationId = "evictDeadLetters",
            summary = "Drop the parked events of one sequence (a position id, e.g. BTCUSDT:one-way) unhandled")
    EvictResult evict(HttpServletRequest request, @PathVariable String processingGroup,
                      @PathVariable String sequenceId) {
        ApiRoles.require(request, ADMIN);
        return new EvictResult(processingGroup, sequenceId, deadLetters.evict(processingGroup, sequenceId));
    }
}
