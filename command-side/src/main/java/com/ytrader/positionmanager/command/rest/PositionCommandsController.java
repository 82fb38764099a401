package com.ytrader.positionmanager.command.rest;

import com.ytrader.positionmanager.api.Parameters;
import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.command.position.TakeSnapshot;
import com.ytrader.positionmanager.command.position.ValidationResult;
import com.ytrader.positionmanager.command.reconciliation.ExchangeReconciliation;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.UpdateSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** The command side's endpoints: validate a position, take a snapshot of it. */
@RestController
@RequestMapping("/api/v1/positions/{asset}")
@Tag(name = "commands")
class PositionCommandsController {

    private final CommandGateway commands;
    private final ExchangeReconciliation reconciliation;

    PositionCommandsController(CommandGateway commands, ExchangeReconciliation reconciliation) {
        this.commands = commands;
        this.reconciliation = reconciliation;
    }

    @PostMapping("/validate")
    @Operation(operationId = "validatePosition",
            summary = "Compare the position with the exchange's and, with fix_discrepancies, correct it")
    @ApiResponse(responseCode = "200", description = "Compared; the corrected position when one was corrected")
    @ApiResponse(responseCode = "422", description = "The position refused the correction as invalid",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "502", description = "The exchange refused the call or answered nonsense; nothing "
            + "changed", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "503", description = "The exchange (or the database) cannot be reached; retry after "
            + "Retry-After seconds", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ValidationResponse validate(@PathVariable String asset,
                                @RequestParam(defaultValue = "one-way") PositionMode mode,
                                @RequestParam(name = "fix_discrepancies", defaultValue = "true") boolean fix) {
        ValidationResult result = reconciliation.validate(Parameters.asset("asset", asset), mode, fix, metaData());
        return new ValidationResponse(result.valid(), result.message(),
                result.correctedPosition() == null ? null
                        : PositionState.of(asset, mode, result.correctedPosition()));
    }

    @PostMapping("/snapshot")
    @Operation(operationId = "takePositionSnapshot", summary = "Record a snapshot of the position as it stands")
    @ApiResponse(responseCode = "201", description = "The snapshot taken", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SnapshotResponse.class)))
    @ResponseStatus(HttpStatus.CREATED)
    SnapshotResponse snapshot(@PathVariable String asset, @RequestParam(defaultValue = "one-way") PositionMode mode) {
        String snapshotId = UUID.randomUUID().toString();
        Instant takenAt = Instant.now();
        PositionFigures figures = send(TakeSnapshot.of(Parameters.asset("asset", asset), mode, snapshotId, takenAt));
        return SnapshotResponse.of(snapshotId, PositionId.uuid(PositionId.of(asset, mode)),
                PositionState.of(asset, mode, figures), takenAt, MDC.get(EventMetadata.TRACE_ID));
    }

    private <R> R send(Object command) {
        return commands.sendAndWait(metaData().command(command));
    }

    private static CommandMetadata metaData() {
        return CommandMetadata.of(UpdateSource.API, MDC.get(EventMetadata.TRACE_ID), "http:" + UUID.randomUUID());
    }
}
