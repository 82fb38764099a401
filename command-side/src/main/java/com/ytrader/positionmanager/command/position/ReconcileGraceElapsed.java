package com.ytrader.positionmanager.command.position;

import java.time.Instant;

/**
 * The deadline of a pending size difference: {@code POSITION_MANAGER_RECONCILE_GRACE} after it was first reported.
 *
 * @param pendingSince identifies the episode: a deadline of an episode that has since ended does nothing
 */
record ReconcileGraceElapsed(int positionIdx, Instant pendingSince) {

    static final String DEADLINE = "reconcile-grace";
}
