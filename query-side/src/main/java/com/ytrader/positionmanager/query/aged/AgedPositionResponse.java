package com.ytrader.positionmanager.query.aged;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** The latest aged entry of a position: its fields, and its history oldest first. */
public record AgedPositionResponse(@JsonUnwrapped AgedEntryResponse entry, List<AgedTransitionResponse> history) {
}
