package com.ytrader.positionmanager.command.aged;

import java.time.Instant;

/** Deadline: the leg opened at {@code legOpenedAt} reaches the maximum age. */
record DetectionDue(int positionIdx, Instant legOpenedAt) {

    static final String NAME = "aged-detection";
}
