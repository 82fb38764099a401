package com.ytrader.positionmanager.eventstore;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The data source Liquibase updates the schema through: each connection it takes holds a PostgreSQL session-level
 * advisory lock until it is closed, so instances started together run their updates one after the other.
 *
 * <p>Liquibase's own lock is a row in {@code databasechangeloglock}, a table it creates on first use, and it creates
 * {@code databasechangelog} before taking that lock: two instances on an empty database create them at the same
 * moment and one fails ({@code pg_type_typname_nsp_index}). The advisory lock needs no table, and it goes with the
 * session: an instance killed in the middle of an update leaves no lock behind, unlike Liquibase's row.
 */
final class SchemaUpdateLock extends DelegatingDataSource {

    /** Any number, the same in every instance and used for nothing else (the ASCII of "pm-liqui"). */
    static final long KEY = 0x706d2d6c69717569L;

    SchemaUpdateLock(DataSource schemaUpdates) {
        super(schemaUpdates);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return locked(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return locked(super.getConnection(username, password));
    }

    private static Connection locked(Connection connection) throws SQLException {
        try {
            execute(connection, "SELECT pg_advisory_lock(?)");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(SchemaUpdateLock.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && !connection.isClosed()) {
                        // a pooled connection outlives its use: the lock must not go back to the pool with it
                        try {
                            execute(connection, "SELECT pg_advisory_unlock(?)");
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void execute(Connection connection, String lockFunction) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(lockFunction)) {
            statement.setLong(1, KEY);
            statement.execute();
        }
    }
}
