package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.AgedPhaseChanged;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an aged leg moved to a phase (or its target moved): the saga decided, the position records it. */
public record RecordAgedPhase(@TargetAggregateIdentifier String positionId, AgedPhaseChanged change) {
}
