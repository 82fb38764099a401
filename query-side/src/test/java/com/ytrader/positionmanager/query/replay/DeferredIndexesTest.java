package com.ytrader.positionmanager.query.replay;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models' indexes as a replay drops and builds them, against the real schema in a database of its own. */
@SpringBootTest(classes = DeferredIndexesTest.Slice.class, properties = "POSTGRES_DB=pm_query_side_indexes_test")
class DeferredIndexesTest {

    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            LiquibaseAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
    @Import(DeferredIndexes.class)
    static class Slice {
    }

    private static final String INDEXES = """
            SELECT indexname || ': ' || indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = ANY (?) ORDER BY indexname
            """;

    @Autowired
    private DeferredIndexes indexes;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void buildWhatIsLeft() {
        indexes.restore();
    }

    private List<String> definitions() {
        return jdbc.queryForList(INDEXES, String.class, (Object) DeferredIndexes.TABLES.toArray(String[]::new));
    }

    @Test
    void a_replay_drops_the_indexes_that_back_no_constraint_and_records_each_and_keeps_the_keys() {
        List<String> before = definitions();

        indexes.defer();

        List<String> during = definitions();
        assertThat(during).as("primary and unique keys (the projections' ON CONFLICT targets) stay")
                .anyMatch(index -> index.startsWith("pk_position_timeline: "))
                .anyMatch(index -> index.startsWith("uq_position_orders_fill: "))
                .anyMatch(index -> index.startsWith("uq_positions_position_key: "))
                .noneMatch(index -> index.startsWith("idx_"));
        List<String> dropped = before.stream().filter(index -> !during.contains(index))
                .map(index -> index.substring(0, index.indexOf(':'))).toList();
        assertThat(dropped).contains("idx_position_timeline_effective", "idx_position_timeline_merge",
                "idx_position_timeline_business", "idx_position_orders_order_id", "idx_positions_asset");
        assertThat(indexes.deferred()).containsExactlyInAnyOrderElementsOf(dropped);
    }

    @Test
    void the_indexes_a_replay_cut_short_left_dropped_are_built_as_they_were_by_the_next_start() {
        List<String> before = definitions();
        indexes.defer();

        // what a start after a SIGKILL does before its processors start
        new DeferredIndexes(jdbc, transactions).afterPropertiesSet();

        assertThat(definitions()).isEqualTo(before);
        assertThat(indexes.deferred()).isEmpty();
    }
}
