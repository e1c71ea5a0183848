package com.pkmnapi.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MailSessionDefinition;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The resources the WAR brings with it, so that it runs on a bare server: the database (see
 * {@link ConfiguredDataSource}) and a mail session for an SMTP server on 127.0.0.1:3025. In
 * production the server supplies the mail session (setting {@code pkmnapi.mail.session}) and the
 * database URL comes from {@code pkmnapi.jdbc.url}. At start it creates the tables that are missing;
 * at stop it shuts an embedded Derby database down, which a redeploy in the same JVM needs.
 */
@DataSourceDefinition(
        name = ApplicationResources.DATA_SOURCE,
        className = "com.pkmnapi.platform.ConfiguredDataSource",
        properties = "applicationName=pkmnapi",
        minPoolSize = 0,
        maxPoolSize = 32)
@MailSessionDefinition(
        name = Settings.DEFAULT_MAIL_SESSION,
        host = "127.0.0.1",
        transportProtocol = "smtp",
        properties = {
            "mail.smtp.port=3025",
            "mail.smtp.connectiontimeout=5000",
            "mail.smtp.timeout=10000",
            "mail.smtp.writetimeout=10000"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApplicationResources {

    public static final String DATA_SOURCE = "java:app/jdbc/pkmnapi";

    private static final Logger LOG = Logger.getLogger(ApplicationResources.class.getName());

    /** Table name and its DDL, in an SQL that Derby and PostgreSQL both take. */
    private static final String[][] TABLES = {
        {"MAILBOX", """
            CREATE TABLE MAILBOX (
                EMAIL_ADDRESS VARCHAR(254) NOT NULL PRIMARY KEY,
                DATE_LAST_TOKEN_MAIL TIMESTAMP,
                DATE_LAST_DELETION_REQUEST TIMESTAMP,
                DELETION_CODE_DIGEST VARCHAR(64),
                DATE_DELETION_CODE_EXPIRE TIMESTAMP,
                DELETION_CODE_FAILURES INTEGER DEFAULT 0 NOT NULL)"""},
        {"ACCESS_TOKEN", """
            CREATE TABLE ACCESS_TOKEN (
                ID VARCHAR(36) NOT NULL PRIMARY KEY,
                DIGEST VARCHAR(64) NOT NULL UNIQUE,
                EMAIL_ADDRESS VARCHAR(254) NOT NULL,
                DATE_CREATE TIMESTAMP NOT NULL,
                DATE_LAST_USED TIMESTAMP,
                DATE_EXPIRE TIMESTAMP)""",
            "CREATE INDEX ACCESS_TOKEN_EMAIL_ADDRESS ON ACCESS_TOKEN (EMAIL_ADDRESS)"},
    };

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Settings settings;

    @PostConstruct
    void start() {
        warnAboutOpenSettings();
        createMissingTables();
    }

    /** Settings left open that a production server should close: said once, at start. */
    private void warnAboutOpenSettings() {
        if (settings.allowedDomains().isEmpty()) {
            LOG.warning(() -> "Setting " + Settings.ALLOWED_DOMAINS + " (" + Settings.environmentName(Settings.ALLOWED_DOMAINS)
                    + ") is not set: tokens are mailed to any address on any domain. Set it in production.");
        }
        if (settings.publicBaseUrl().isEmpty()) {
            LOG.warning(() -> "Setting " + Settings.PUBLIC_BASE_URL + " (" + Settings.environmentName(Settings.PUBLIC_BASE_URL)
                    + ") is not set: links are made only for requests to localhost, and deletion requests to any"
                    + " other host are refused. Set it to the service's public address.");
        }
    }

    private void createMissingTables() {
        try (Connection connection = dataSource.getConnection()) {
            for (String[] table : TABLES) {
                if (!exists(connection, table[0])) {
                    create(connection, table);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database schema could not be created: " + e.getMessage(), e);
        }
    }

    private static void create(Connection connection, String[] table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int i = 1; i < table.length; i++) {
                statement.executeUpdate(table[i]);
            }
            LOG.info(() -> "Created table " + table[0]);
        } catch (SQLException e) {
            // another node may have created it in the meantime
            if (!exists(connection, table[0])) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    @PreDestroy
    void releaseDatabase() {
        ConfiguredDataSource.release(settings.jdbcUrl());
    }
}
