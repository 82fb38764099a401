package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * When the latest execution a position has applied happened (null before any): where fetching the executions it
 * misses from the exchange starts. Changes nothing.
 */
public record FindLastExecution(@TargetAggregateIdentifier String positionId) {

    public static FindLastExecution of(String asset, PositionMode mode) {
        return new FindLastExecution(PositionId.of(asset, mode));
    }
}
