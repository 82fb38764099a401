package com.ytrader.positionmanager.command.position;

/**
 * {@link PositionCommandRules} for callers outside the aggregate: the ingest checks each command before it joins a
 * batch, so that a command the position would reject is dead-lettered alone instead of failing the batch it is in
 * (which then has to be applied one message per transaction). The position checks every command again.
 */
public final class PositionCommandChecks {

    private PositionCommandChecks() {
    }

    /** @throws InvalidPositionCommandException naming the field, for a fill, order state, funding or report the rules refuse */
    public static void check(Object command) {
        if (command instanceof ApplyFill fill) {
            PositionCommandRules.check(fill);
        } else if (command instanceof ApplyOrderState state) {
            PositionCommandRules.check(state);
        } else if (command instanceof ApplyFunding funding) {
            PositionCommandRules.check(funding);
        } else if (command instanceof ReportExchangePosition report) {
            PositionCommandRules.check(report);
        }
    }
}
