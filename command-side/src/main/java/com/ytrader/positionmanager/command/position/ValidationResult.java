package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionFigures;

/**
 * What a validation found.
 *
 * @param correctedPosition the figures after correction, null when nothing was corrected
 */
public record ValidationResult(boolean valid, String message, PositionFigures correctedPosition) {
}
