package com.ytrader.positionmanager.events;

/** An event that changed (or, for a snapshot, recorded) the position: it carries the figures right after it. */
public interface CarriesPositionFigures {

    PositionFigures position();
}
