package com.ytrader.positionmanager.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every segment's stored token as it stands, whoever owns it: read by SQL, because reading through Axon's token
 * store would claim the tokens.
 */
public class StoredTokens {

    /** A segment's stored token: its position in the event store, empty when it has none or cannot be read. */
    public record StoredToken(String processor, int segment, OptionalLong position) {
    }

    private static final Logger log = LoggerFactory.getLogger(StoredTokens.class);
    /** Axon's own rows (the token store's identifier) start so. */
    private static final String AXON_INTERNAL = "__";

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final String query;

    public StoredTokens(JdbcTemplate jdbc, Serializer tokenSerializer, TokenSchema schema) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.query = "SELECT " + schema.processorNameColumn() + ", " + schema.segmentColumn() + ", "
                + schema.tokenColumn() + ", " + schema.tokenTypeColumn() + " FROM " + schema.tokenTable();
    }

    /** The tokens of every processor's segments. */
    public List<StoredToken> all() {
        List<StoredToken> tokens = new ArrayList<>();
        jdbc.query(query, row -> {
            String processor = row.getString(1);
            if (!processor.startsWith(AXON_INTERNAL)) {
                tokens.add(new StoredToken(processor, row.getInt(2), position(row.getBytes(3), row.getString(4))));
            }
        });
        return tokens;
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        try {
            TrackingToken tracking = tokenSerializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, type, null));
            return tracking == null ? OptionalLong.empty() : tracking.position();
        } catch (RuntimeException e) {
            log.debug("Cannot read a stored token of type {}: {}", type, e.toString());
            return OptionalLong.empty();
        }
    }
}
