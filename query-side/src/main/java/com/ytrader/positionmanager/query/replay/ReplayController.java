package com.ytrader.positionmanager.query.replay;

import com.ytrader.positionmanager.api.ApiRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/replay")
@Tag(name = "admin")
class ReplayController {

    static final String ADMIN = "admin";

    private final ReadModelReplay replay;

    ReplayController(ReadModelReplay replay) {
        this.replay = replay;
    }

    @PostMapping
    @Operation(operationId = "startReplay",
            summary = "Rebuild every read model from the event store (admin key); 409 while one runs")
    @ApiResponse(responseCode = "202", description = "Started; its progress")
    @ApiResponse(responseCode = "409", description = "A rebuild is running already; its progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ReplayProgress.class)))
    ResponseEntity<ReplayProgress> start(HttpServletRequest request) {
        ApiRoles.require(request, ADMIN);
        boolean started = replay.start();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(replay.progress());
    }

    @GetMapping
    @Operation(operationId = "getReplayProgress",
            summary = "Progress of the last rebuild: events done of total, rate, ETA (admin key)")
    ReplayProgress progress(HttpServletRequest request) {
        ApiRoles.require(request, ADMIN);
        return replay.progress();
    }
}
