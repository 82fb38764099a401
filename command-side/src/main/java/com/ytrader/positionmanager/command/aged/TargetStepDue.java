package com.ytrader.positionmanager.command.aged;

/** Deadline: {@code step} loss steps after the grace period of the aged entry (step 0 ends the grace period). */
record TargetStepDue(int positionIdx, String agedId, int step) {

    static final String NAME = "aged-target-step";
}
