package com.ytrader.positionmanager.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Stored events' payloads as the store holds them (JSON text), by global index, and the global indexes of events: for
 * a read model that points to its events instead of copying them.
 */
public class StoredEventPayloads {

    private final JdbcTemplate jdbc;
    private final String query;
    private final String indexQuery;

    public StoredEventPayloads(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.query = "SELECT " + schema.globalIndexColumn() + ", convert_from(" + schema.payloadColumn()
                + ", 'UTF8') FROM " + schema.domainEventTable() + " WHERE " + schema.globalIndexColumn()
                + " = ANY (?)";
        this.indexQuery = "SELECT " + schema.eventIdentifierColumn() + ", " + schema.globalIndexColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.eventIdentifierColumn() + " = ANY (?)";
    }

    /**
     * The global indexes of the stored events with these identifiers. A processor's tracking token is no substitute:
     * for an event that filled a gap (appended before, committed after, a later one) it names the highest index seen.
     */
    public Map<String, Long> globalIndexes(Collection<String> eventIdentifiers) {
        Map<String, Long> indexes = new HashMap<>();
        if (eventIdentifiers.isEmpty()) {
            return indexes;
        }
        RowCallbackHandler collect = row -> indexes.put(row.getString(1), row.getLong(2));
        jdbc.query(indexQuery, collect, (Object) eventIdentifiers.toArray(String[]::new));
        return indexes;
    }

    /** The payloads of the events at {@code globalIndexes} that exist. */
    public Map<Long, String> byGlobalIndex(Collection<Long> globalIndexes) {
        Map<Long, String> payloads = new HashMap<>();
        if (globalIndexes.isEmpty()) {
            return payloads;
        }
        RowCallbackHandler collect = row -> payloads.put(row.getLong(1), row.getString(2));
        jdbc.query(query, collect, (Object) globalIndexes.toArray(Long[]::new));
        return payloads;
    }
}
