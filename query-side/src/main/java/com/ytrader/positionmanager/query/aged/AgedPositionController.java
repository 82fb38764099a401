package com.ytrader.positionmanager.query.aged;

import com.ytrader.positionmanager.api.InvalidParameterException;
import com.ytrader.positionmanager.api.NotFoundException;
import com.ytrader.positionmanager.api.Parameters;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/aged-positions")
@Tag(name = "aged positions")
class AgedPositionController {

    static final int MAX_LIST = 1000;

    private final AgedPositionRepository aged;

    AgedPositionController(AgedPositionRepository aged) {
        this.aged = aged;
    }

    @GetMapping
    @Operation(operationId = "listAgedPositions",
            summary = "Aged entries (one per leg and lifecycle that outlived the maximum age), newest detection first")
    AgedPositionListResponse list(
            @RequestParam(required = false)
            @Parameter(description = "detected, grace_pending, grace_active, progressive_active, closed or error")
            AgedPhase status,
            @RequestParam(required = false) @Parameter(description = "e.g. BTCUSDT") String asset,
            @RequestParam(required = false) @Parameter(description = "one-way or hedge") PositionMode mode,
            @RequestParam(defaultValue = "100") @Parameter(description = "1 to 1000") int limit) {
        Parameters.asset("asset", asset);
        Parameters.between("limit", limit, 1, MAX_LIST);
        return AgedPositionListResponse.of(aged.list(status, asset, mode, limit).stream()
                .map(AgedEntryResponse::of).toList(), limit);
    }

    @GetMapping("/{asset}")
    @Operation(operationId = "getAgedPosition",
            summary = "The latest aged entry of a position (of one leg with position_idx), with its history")
    @ApiResponse(responseCode = "200", description = "Its latest aged entry, history oldest first")
    @ApiResponse(responseCode = "404", description = "The position (or that leg) never aged",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    AgedPositionResponse get(
            @PathVariable String asset,
            @RequestParam(defaultValue = "one-way") PositionMode mode,
            @RequestParam(name = "position_idx", required = false)
            @Parameter(description = "the leg: 0 in one-way mode, 1 (long) or 2 (short) in hedge mode; "
                    + "without it the latest entry of either leg") Integer positionIdx) {
        Parameters.asset("asset", asset);
        if (positionIdx != null) {
            leg(mode, positionIdx);
        }
        AgedEntry entry = aged.latest(asset, mode, positionIdx).orElseThrow(() -> new NotFoundException(
                "position " + PositionId.of(asset, mode) + (positionIdx == null ? "" : " leg " + positionIdx)
                        + " never aged"));
        return new AgedPositionResponse(AgedEntryResponse.of(entry),
                aged.history(entry.agedId).stream().map(AgedTransitionResponse::of).toList());
    }

    private static void leg(PositionMode mode, int positionIdx) {
        boolean valid = mode == PositionMode.ONE_WAY ? positionIdx == 0 : positionIdx == 1 || positionIdx == 2;
        if (!valid) {
            throw new InvalidParameterException("position_idx", "position_idx must be "
                    + (mode == PositionMode.ONE_WAY ? "0 in one-way mode" : "1 (long) or 2 (short) in hedge mode")
                    + ", was " + positionIdx);
        }
    }
}
