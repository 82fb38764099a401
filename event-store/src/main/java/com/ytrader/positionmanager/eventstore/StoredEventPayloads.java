package com.ytrader.positionmanager.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Stored events' payloads as the store holds them (JSON text), by global index: for a read model that points to
 * its events instead of copying them.
 */
public class StoredEventPayloads {

    private final JdbcTemplate jdbc;
    private final String query;

    public StoredEventPayloads(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.query = "SELECT " + schema.globalIndexColumn() + ", convert_from(" + schema.payloadColumn()
                + ", 'UTF8') FROM " + schema.domainEventTable() + " WHERE " + schema.globalIndexColumn()
                + " = ANY (?)";
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
