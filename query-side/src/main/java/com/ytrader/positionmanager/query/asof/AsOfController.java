package com.ytrader.positionmanager.query.asof;

import com.ytrader.positionmanager.api.NotFoundException;
import com.ytrader.positionmanager.api.Parameters;
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

import java.time.Instant;

@RestController
@RequestMapping("/api/v1/positions")
@Tag(name = "history")
class AsOfController {

    private final PointInTime pointInTime;

    AsOfController(PointInTime pointInTime) {
        this.pointInTime = pointInTime;
    }

    @GetMapping("/{asset}/as-of")
    @Operation(operationId = "getPositionAsOf",
            summary = "The position exactly as it stood at an instant, features included")
    AsOfResponse asOf(@PathVariable String asset,
                      @RequestParam(defaultValue = "one-way") PositionMode mode,
                      @RequestParam(required = false) @Parameter(description = "ISO-8601 instant") String timestamp,
                      @RequestParam(defaultValue = "true")
                      @Parameter(description = "false: only events strictly before the instant") boolean inclusive,
                      @RequestParam(name = "known_at", required = false)
                      @Parameter(description = "only events recorded by this instant") String knownAt) {
        Parameters.asset("asset", asset);
        Instant at = Timestamps.required("timestamp", timestamp);
        Instant known = Timestamps.parse("known_at", knownAt);
        return pointInTime.asOf(asset, mode, at, inclusive, known).orElseThrow(() -> new NotFoundException(
                "no state of position " + PositionId.of(asset, mode) + " at " + at
                        + (known == null ? "" : " known at " + known)));
    }
}
