package com.ytrader.positionmanager.command.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Spec §4.3: {@code {"is_valid": ..., "error_message": ..., "updated_position": ...}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ValidationResponse(boolean isValid, String errorMessage, PositionState updatedPosition) {
}
