package com.ytrader.positionmanager.query.processing;

/**
 * The processing group of every read model kept in PostgreSQL ({@code positions}, {@code position_orders},
 * {@code position_snapshots}, {@code position_timeline}). One processor for all of them: each event is read and
 * deserialized once, and one transaction per batch writes every table and the token. They live in one database, so
 * they fail and recover together anyway; the integration events, which depend on the broker, keep a processor of
 * their own.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "read-models";

    private ReadModels() {
    }
}
