package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.MicroServer;
import com.pkmnapi.testsupport.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A database made by version 0.1.0, which created its tables itself at start, is brought up to the
 * versioned schema in place when today's WAR starts on it, and the tokens it holds still verify.
 * On the embedded Derby and, with -Ppostgres, on PostgreSQL (0.1.0 never ran on MariaDB).
 */
class SchemaUpgradeIT {

    private static final Path WORK = Path.of(System.getProperty("it.tmp.dir", "target"), "schema-upgrade");

    /** The tables exactly as 0.1.0 made them (ApplicationResources of that version). */
    private static final List<String> VERSION_0_1_0 = List.of("""
            CREATE TABLE MAILBOX (
                EMAIL_ADDRESS VARCHAR(254) NOT NULL PRIMARY KEY,
                DATE_LAST_TOKEN_MAIL TIMESTAMP,
                DATE_LAST_DELETION_REQUEST TIMESTAMP,
                DELETION_CODE_DIGEST VARCHAR(64),
                DATE_DELETION_CODE_EXPIRE TIMESTAMP,
                DELETION_CODE_FAILURES INTEGER DEFAULT 0 NOT NULL)""", """
            CREATE TABLE ACCESS_TOKEN (
                ID VARCHAR(36) NOT NULL PRIMARY KEY,
                DIGEST VARCHAR(64) NOT NULL UNIQUE,
                EMAIL_ADDRESS VARCHAR(254) NOT NULL,
                DATE_CREATE TIMESTAMP NOT NULL,
                DATE_LAST_USED TIMESTAMP,
                DATE_EXPIRE TIMESTAMP)""",
            "CREATE INDEX ACCESS_TOKEN_EMAIL_ADDRESS ON ACCESS_TOKEN (EMAIL_ADDRESS)");

    @Test
    void aDatabaseOfVersion010IsUpgradedInPlaceAndItsTokensStillVerify() throws Exception {
        String kind = TestDatabases.kind().orElse("derby");
        assumeFalse(kind.equals("mariadb"), "0.1.0 never ran on MariaDB: there is nothing to upgrade");
        Path derbyDirectory = WORK.resolve("derby-" + UUID.randomUUID()).toAbsolutePath();
        String url = kind.equals("derby") ? "jdbc:derby:" + derbyDirectory + ";create=true" : TestDatabases.fresh("upgrade");
        String address = Addresses.fresh("upgrade");
        String token = Secrets.newToken();
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : VERSION_0_1_0) {
                    statement.executeUpdate(ddl);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ACCESS_TOKEN (ID, DIGEST, EMAIL_ADDRESS, DATE_CREATE) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, Secrets.digest(token));
                insert.setString(3, address);
                insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO MAILBOX (EMAIL_ADDRESS, DATE_LAST_TOKEN_MAIL, DELETION_CODE_FAILURES) VALUES (?, ?, 3)")) {
                insert.setString(1, address);
                insert.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
                insert.executeUpdate();
            }
        }
        if (kind.equals("derby")) {
            shutDownDerby(derbyDirectory);
        }

        MicroServer.Builder server = MicroServer.named("upgrade-" + kind, WORK).jdbcDriverOfThisRun();
        if (kind.equals("derby")) {
            server.environment("PKMNAPI_DATABASE_DIR", derbyDirectory.toString());
        } else {
            server.environment("PKMNAPI_JDBC_URL", url);
        }
        try (MicroServer upgraded = server.start()) {
            HttpResponse<String> check = upgraded.api().current(token);

            assertEquals(200, check.statusCode(), check.body());
            assertEquals(address, Api.json(check).getJsonObject("data").getJsonObject("attributes").getString("email_address"));
            assertTrue(Api.json(check).getJsonObject("data").getJsonObject("attributes").isNull("name"), "a token of 0.1.0 has no name");
        }

        try (Connection connection = DriverManager.getConnection(url.replace(";create=true", ""))) {
            assertEquals(List.of("1-tables", "2-drop-deletion-code-failures", "3-token-name", "4-audit-event",
                    "5-access-token-date-create", "6-revocation", "7-access-token-audience"), appliedChanges(connection),
                    "the changes of 0.1.0 recorded as applied, the later ones applied");
            assertFalse(columns(connection, "MAILBOX").contains("DELETION_CODE_FAILURES"), "the dropped column is gone");
            assertTrue(columns(connection, "ACCESS_TOKEN").contains("NAME"), "the new column is there");
            assertEquals(Set.of("ID", "DATE_EVENT", "KIND", "OUTCOME", "TOKEN_ID", "EMAIL_ADDRESS", "CLIENT_ADDRESS", "OCCURRENCES"),
                    Set.copyOf(columns(connection, "AUDIT_EVENT")), "the audit table is there");
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM MAILBOX WHERE EMAIL_ADDRESS = ? AND DATE_LAST_TOKEN_MAIL IS NOT NULL")) {
                select.setString(1, address);
                try (ResultSet count = select.executeQuery()) {
                    count.next();
                    assertEquals(1, count.getInt(1), "the address's row kept its times");
                }
            }
        } finally {
            if (kind.equals("derby")) {
                shutDownDerby(derbyDirectory);
            }
        }
    }

    private static List<String> appliedChanges(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        for (String spelling : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rows = connection.getMetaData().getColumns(null, null, spelling, null)) {
                while (rows.next()) {
                    names.add(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static void shutDownDerby(Path directory) {
        try {
            DriverManager.getConnection("jdbc:derby:" + directory + ";shutdown=true").close();
        } catch (SQLException e) {
            // 08006: the database was shut down, as asked
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException(e);
            }
        }
    }
}
