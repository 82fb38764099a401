package com.ytrader.positionmanager.eventstore;

import java.sql.SQLException;

/**
 * Recognises an append the event store refused because an event with the same identifier is stored already: the
 * unique key on {@code event_identifier} (db/changelog/event-store) answers it, however old the stored event is.
 */
public final class EventIdentifierConflicts {

    static final String UNIQUE_VIOLATION = "23505";
    private static final String UNIQUE_EVENT_IDENTIFIER = "uq_domain_event_entry_event_identifier";

    private EventIdentifierConflicts() {
    }

    /** Whether {@code failure}, or any of its causes, is the unique key on event identifiers refusing a row. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Throwable sql = cause; sql instanceof SQLException exception; sql = exception.getNextException()) {
                if (UNIQUE_VIOLATION.equals(exception.getSQLState())
                        && String.valueOf(exception.getMessage()).contains(UNIQUE_EVENT_IDENTIFIER)) {
                    return true;
                }
            }
        }
        return false;
    }
}
