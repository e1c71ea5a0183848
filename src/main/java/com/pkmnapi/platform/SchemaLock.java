package com.pkmnapi.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The turn of one server to bring the schema up to date, held on the connection the migration
 * uses, with the database server's own named lock: PostgreSQL's {@code pg_advisory_lock}, MariaDB's
 * (and MySQL's) {@code GET_LOCK}; the embedded Derby belongs to one server and needs none.
 * Liquibase's lock table alone does not keep servers apart on an empty database: Liquibase checks
 * for and creates its tables before it takes that lock (liquibase/liquibase#5254), so that of
 * servers starting at once, all but one could fail with "relation databasechangelog already
 * exists", and one could leave the lock table locked for good ({@code SchemaMigrationsRaceIT}
 * showed both). The lock is the session's: given back explicitly, since a pooled connection
 * outlives the migration, and by the server when a connection breaks.
 */
final class SchemaLock implements AutoCloseable {

    /** PostgreSQL's advisory locks take a number: this one is "pkmnapi" in ASCII. */
    private static final long POSTGRESQL_KEY = 0x706b6d6e617069L;
    private static final String MARIADB_NAME = "pkmnapi.schema";
    /** How long a server waits for another's migration, on MariaDB (PostgreSQL waits as long as it takes). */
    private static final int MARIADB_WAIT_SECONDS = 600;

    private final Connection connection;
    private final String release;

    private SchemaLock(Connection connection, String release) {
        this.connection = connection;
        this.release = release;
    }

    static SchemaLock take(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            // the data source limits every lock wait to seconds (lock_timeout), an advisory lock's
            // too: here the wait is for another server's migration, as long as it takes
            execute(connection, "SET lock_timeout = 0");
            query(connection, "SELECT 1 FROM (SELECT pg_advisory_lock(" + POSTGRESQL_KEY + ")) AS taken");
            execute(connection, "RESET lock_timeout");
            return new SchemaLock(connection, "SELECT CASE WHEN pg_advisory_unlock(" + POSTGRESQL_KEY + ") THEN 1 ELSE 0 END");
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            if (query(connection, "SELECT GET_LOCK('" + MARIADB_NAME + "', " + MARIADB_WAIT_SECONDS + ")") != 1) {
                throw new SQLException("Another server held the schema's lock (" + MARIADB_NAME + ") for more than "
                        + MARIADB_WAIT_SECONDS + " s");
            }
            return new SchemaLock(connection, "SELECT RELEASE_LOCK('" + MARIADB_NAME + "')");
        }
        return new SchemaLock(connection, null);
    }

    @Override
    public void close() throws SQLException {
        if (release != null && !connection.isClosed()) {
            query(connection, release);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
