package com.ytrader.positionmanager.query.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

/**
 * The read models' secondary indexes (those that back no constraint: the primary keys and the unique keys the
 * projections' {@code ON CONFLICT} clauses name stay) are dropped while a replay rebuilds the tables and built once at
 * its end: sorting a million rows once costs a fraction of maintaining three indexes row by row, and no query reads
 * the tables meanwhile ({@link ReplayGate}). Each index is dropped in the transaction that records its definition in
 * {@code read_model_deferred_indexes} and created in the one that deletes the record, so at any moment an index
 * either exists or is recorded; a start-up creates what is still recorded (a replay cut short by a crash), before
 * the processors start.
 */
@Component
public class DeferredIndexes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

    /** The tables the read-model processor's reset handlers empty. */
    static final List<String> TABLES = List.of("positions", "position_orders", "position_snapshots",
            "position_timeline", "aged_positions", "aged_positions_history");

    /** One sort in memory per index instead of a merge of runs on disk (PostgreSQL's default is 64 MB). */
    private static final String SORT_MEMORY = "SET LOCAL maintenance_work_mem = '256MB'";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public DeferredIndexes(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Creates what a replay cut short left recorded. */
    @Override
    public void afterPropertiesSet() {
        restore();
    }

    /** Drops the secondary indexes of the read models, recording each. */
    void defer() {
        transaction.executeWithoutResult(status -> {
            List<Map<String, Object>> indexes = jdbc.queryForList("""
                    SELECT index_class.relname AS index_name, table_class.relname AS table_name,
                        pg_get_indexdef(index_class.oid) AS definition
                    FROM pg_index i
                        JOIN pg_class index_class ON index_class.oid = i.indexrelid
                        JOIN pg_class table_class ON table_class.oid = i.indrelid
                    WHERE table_class.relname = ANY (?)
                        AND table_class.relnamespace = current_schema()::regnamespace
                        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                    ORDER BY table_class.relname, index_class.relname
                    """, (Object) TABLES.toArray(String[]::new));
            for (Map<String, Object> index : indexes) {
                jdbc.update("INSERT INTO read_model_deferred_indexes (index_name, table_name, definition) "
                        + "VALUES (?, ?, ?)", index.get("index_name"), index.get("table_name"),
                        index.get("definition"));
                jdbc.execute("DROP INDEX " + quoted((String) index.get("index_name")));
            }
            log.info("Replay: {} secondary indexes of the read models dropped until the replay ends",
                    indexes.size());
        });
    }

    /** Creates every recorded index, one transaction each (a crash keeps those already built). */
    void restore() {
        List<String> names = jdbc.queryForList(
                "SELECT index_name FROM read_model_deferred_indexes ORDER BY table_name, index_name", String.class);
        for (String name : names) {
            long began = System.nanoTime();
            transaction.executeWithoutResult(status -> {
                // locked, so that two instances starting at once do not both create it
                List<String> definition = jdbc.queryForList("SELECT definition FROM read_model_deferred_indexes "
                        + "WHERE index_name = ? FOR UPDATE", String.class, name);
                if (definition.isEmpty()) {
                    return;
                }
                jdbc.execute(SORT_MEMORY);
                jdbc.execute(definition.get(0));
                jdbc.update("DELETE FROM read_model_deferred_indexes WHERE index_name = ?", name);
            });
            log.info("Index {} built in {} ms", name, (System.nanoTime() - began) / 1_000_000);
        }
    }

    /** The names recorded, i.e. dropped and not yet built again. */
    List<String> deferred() {
        return jdbc.queryForList("SELECT index_name FROM read_model_deferred_indexes ORDER BY index_name",
                String.class);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
