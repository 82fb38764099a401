package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record how an aged leg ended: {@link com.ytrader.positionmanager.events.AgedPositionClosed} or
 * {@link com.ytrader.positionmanager.events.AgedCloseFailed}.
 */
public record RecordAgedOutcome(@TargetAggregateIdentifier String positionId, PositionEvent outcome) {
}
