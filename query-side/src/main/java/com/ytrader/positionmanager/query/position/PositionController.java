package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.api.NotFoundException;
import com.ytrader.positionmanager.api.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

@RestController
@RequestMapping("/api/v1/positions")
@Tag(name = "positions")
class PositionController {

    static final int MAX_SNAPSHOT_PAGE = 1000;

    private final PositionRepository positions;
    private final PositionSnapshotRepository snapshots;
    private final PositionViews views;

    PositionController(PositionRepository positions, PositionSnapshotRepository snapshots, PositionViews views) {
        this.positions = positions;
        this.snapshots = snapshots;
        this.views = views;
    }

    @GetMapping
    @Operation(operationId = "listPositions",
            summary = "All positions, closed ones included (size 0), optionally filtered")
    PositionListResponse list(
            @RequestParam(required = false) @Parameter(description = "e.g. BTCUSDT") String asset,
            @RequestParam(required = false) @Parameter(description = "one-way or hedge") PositionMode mode,
            @RequestParam(name = "size_min", required = false)
            @Parameter(description = "lowest signed net size (shorts are negative)") BigDecimal sizeMin,
            @RequestParam(name = "size_max", required = false)
            @Parameter(description = "highest signed net size") BigDecimal sizeMax) {
        Parameters.asset("asset", asset);
        Parameters.ordered("size_min", sizeMin, "size_max", sizeMax);
        return PositionListResponse.of(views.view(positions.findAll(new PositionFilter(asset, mode, sizeMin, sizeMax))));
    }

    @GetMapping("/{asset}")
    @Operation(operationId = "getPosition",
            summary = "The position of one asset in one mode")
    PositionResponse get(@PathVariable String asset,
                         @RequestParam(defaultValue = "one-way") PositionMode mode) {
        return views.view(positions.find(Parameters.asset("asset", asset), mode)
                .orElseThrow(() -> new NotFoundException("no position " + PositionId.of(asset, mode))));
    }

    @GetMapping("/{asset}/snapshots")
    @Operation(operationId = "listPositionSnapshots",
            summary = "Snapshots of a position, newest first")
    SnapshotListResponse snapshots(@PathVariable String asset,
                                   @RequestParam(defaultValue = "one-way") PositionMode mode,
                                   @RequestParam(defaultValue = "100") @Parameter(description = "1 to 1000") int limit,
                                   @RequestParam(defaultValue = "0") int offset) {
        Parameters.asset("asset", asset);
        Parameters.between("limit", limit, 1, MAX_SNAPSHOT_PAGE);
        Parameters.between("offset", offset, 0, Integer.MAX_VALUE);
        PositionRow position = positions.find(asset, mode)
                .orElseThrow(() -> new NotFoundException("no position " + PositionId.of(asset, mode)));
        return SnapshotListResponse.of(snapshots.page(position.id(), limit, offset), limit, offset);
    }
}
