package com.ytrader.positionmanager.command.position;

import java.time.Instant;

/** @param executedAt when the latest execution a position applied happened; null before any */
public record LastExecution(Instant executedAt) {
}
