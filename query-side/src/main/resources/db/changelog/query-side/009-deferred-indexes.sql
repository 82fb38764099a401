--liquibase formatted sql

-- The secondary indexes of the read models that a replay drops while it rebuilds them and creates again at its end
-- (query.replay.DeferredIndexes): each is dropped in the transaction that records its definition here, and created in
-- the one that deletes its row, so an index is always either in place or here, whatever stops the JVM. A start-up
-- creates whatever is still here (a replay cut short by a crash).

--changeset position-manager:query-deferred-indexes
CREATE TABLE read_model_deferred_indexes (
    index_name VARCHAR(63) NOT NULL PRIMARY KEY,
    table_name VARCHAR(63) NOT NULL,
    definition TEXT        NOT NULL
);
