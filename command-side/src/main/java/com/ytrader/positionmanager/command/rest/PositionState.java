package com.ytrader.positionmanager.command.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.api.PositionFields;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;

import java.time.Instant;
import java.util.UUID;

/**
 * A position as the command side knows it right after a command: its figures as every answer shows them
 * ({@link PositionFields}) and its lifecycle's times.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PositionState(
        UUID id,
        String asset,
        PositionMode mode,
        @JsonUnwrapped PositionFields fields,
        Instant openedAt,
        Instant closedAt) {

    static PositionState of(String asset, PositionMode mode, PositionFigures figures) {
        return new PositionState(PositionId.uuid(PositionId.of(asset, mode)), asset, mode, PositionFields.of(figures),
                figures.lifecycle().openedAt(), figures.lifecycle().closedAt());
    }
}
