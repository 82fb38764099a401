package com.ytrader.positionmanager.command.aged;

import java.time.Instant;

/**
 * Deadline: close request {@code requestId} (attempt {@code attempt}) had no closing fill in time.
 *
 * @param dueAt the request's time plus its timeout: the business time of what follows
 */
record CloseTimedOut(int positionIdx, String requestId, int attempt, Instant dueAt) {

    static final String NAME = "aged-close-timeout";
}
