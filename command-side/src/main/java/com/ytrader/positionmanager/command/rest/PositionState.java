package com.ytrader.positionmanager.command.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A position as the command side knows it right after a command: the figures, in the field names of the REST API (README, a position's fields). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PositionState(
        UUID id,
        String asset,
        PositionMode mode,
        BigDecimal size,
        BigDecimal averageEntryPrice,
        BigDecimal currentPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal longSize,
        BigDecimal shortSize,
        Instant openedAt,
        Instant closedAt) {

    static PositionState of(String asset, PositionMode mode, PositionFigures figures) {
        return new PositionState(PositionId.uuid(PositionId.of(asset, mode)), asset, mode, figures.size(),
                figures.averageEntryPrice(), figures.currentPrice(), figures.unrealizedPnl(), figures.realizedPnl(),
                figures.longSize(), figures.shortSize(), figures.lifecycle().openedAt(),
                figures.lifecycle().closedAt());
    }
}
