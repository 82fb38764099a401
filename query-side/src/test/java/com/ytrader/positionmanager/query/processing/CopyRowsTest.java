package com.ytrader.positionmanager.query.processing;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code COPY} stores from {@link CopyRows} is what the driver stores from the same values bound as parameters. */
@SpringBootTest(classes = CopyRowsTest.Slice.class, properties = "POSTGRES_DB=pm_query_side_copy_test")
class CopyRowsTest {

    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class Slice {
    }

    private record Values(Instant time, BigDecimal number, Long integer, String text, Boolean flag) {
    }

    private static final List<Values> VALUES = List.of(
            new Values(Instant.parse("2026-01-01T00:00:00Z"), new BigDecimal("1E+3"), 0L, "plain", true),
            new Values(Instant.parse("2026-03-04T05:06:07.123456499Z"), new BigDecimal("1.23E-7"), -1L,
                    "tab\there, line\nbreak, return\r, backslash \\ and \\N", false),
            new Values(Instant.parse("2026-12-31T23:59:59.999999500Z"), new BigDecimal("-0.000000000000000001"),
                    Long.MAX_VALUE, "ünïcødé {\"USDT\": \"0.1\"}", null),
            new Values(Instant.parse("1970-01-01T00:00:00.000000500Z"), new BigDecimal("12345678901234567890.5"),
                    null, "", true),
            new Values(null, null, null, null, null));

    @Autowired
    private DataSource dataSource;

    @Test
    void copied_rows_are_stored_as_the_same_values_bound_as_parameters() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TEMPORARY TABLE copy_check (n INT, t TIMESTAMPTZ, d NUMERIC(38,18), i BIGINT, "
                    + "s VARCHAR(255), b BOOLEAN)");
            CopyRows rows = new CopyRows();
            for (int i = 0; i < VALUES.size(); i++) {
                Values v = VALUES.get(i);
                rows.number(i).time(v.time()).number(v.number()).number(v.integer()).text(v.text()).bool(v.flag())
                        .endRow();
            }
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY copy_check (n, t, d, i, s, b) FROM STDIN", rows.reader());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO copy_check (n, t, d, i, s, b) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < VALUES.size(); i++) {
                    Values v = VALUES.get(i);
                    insert.setInt(1, 100 + i);
                    insert.setObject(2, JdbcTimes.utc(v.time()));
                    insert.setBigDecimal(3, v.number());
                    insert.setObject(4, v.integer(), Types.BIGINT);
                    insert.setString(5, v.text());
                    insert.setObject(6, v.flag(), Types.BOOLEAN);
                    insert.executeUpdate();
                }
            }

            List<String> copied = new ArrayList<>();
            List<String> bound = new ArrayList<>();
            try (var rs = ddl.executeQuery("SELECT n, (t, d, i, s, b)::text FROM copy_check ORDER BY n")) {
                while (rs.next()) {
                    (rs.getInt(1) < 100 ? copied : bound).add(rs.getString(2));
                }
            }
            assertThat(copied).hasSize(VALUES.size()).isEqualTo(bound);
        }
    }
}
