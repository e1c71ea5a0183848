package com.pkmnapi.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The databases of one test run on a database server ({@code mvn verify -Ppostgres} or
 * {@code -Pmariadb}): made fresh when the run starts, {@code pkmnapi_it_<random>_<purpose>}, and
 * dropped when it ends, so that runs neither see each other's rows nor leave any behind. The
 * Arquillian servers get theirs through the system properties {@code it.jdbc.url.main},
 * {@code .short} and {@code .slow} (read by arquillian.xml); a test that needs one of its own asks
 * {@link #fresh}. With no database server (system property {@code it.database.kind} unset) the
 * servers use their embedded Derby databases and these properties are empty.
 */
public class TestDatabases implements LauncherSessionListener {

    /** The Arquillian containers, each with a database of its own. */
    private static final List<String> CONTAINERS = List.of("main", "short", "slow");

    private static final String RUN = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private static final List<String> CREATED = new ArrayList<>();

    /** postgres or mariadb, or empty for the embedded Derby. */
    public static Optional<String> kind() {
        return Optional.ofNullable(System.getProperty("it.database.kind")).filter(kind -> !kind.isBlank());
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        for (String container : CONTAINERS) {
            String property = "it.jdbc.url." + container;
            if (System.getProperty(property) == null) {
                // Arquillian puts the value into arquillian.xml's text before it reads the XML:
                // escaped, so that a URL's & (MariaDB's ...?user=root&sslMode=disable) stays one
                System.setProperty(property, kind().isPresent() ? fresh(container).replace("&", "&amp;") : "");
            }
        }
        if (System.getProperty("it.micro.addlibs") == null) {
            System.setProperty("it.micro.addlibs", "");
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (CREATED) {
            for (String name : CREATED) {
                try (Connection admin = admin(); Statement statement = admin.createStatement()) {
                    statement.executeUpdate(kind().orElseThrow().equals("postgres")
                            ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                            : "DROP DATABASE IF EXISTS " + name);
                } catch (SQLException e) {
                    System.err.println("Could not drop the test database " + name + ": " + e.getMessage());
                }
            }
            CREATED.clear();
        }
    }

    /**
     * Makes a new, empty database on the database server of this run, dropped when the run ends.
     *
     * @return its JDBC URL, user included
     */
    public static String fresh(String purpose) {
        String name = "pkmnapi_it_" + RUN + "_" + purpose.replaceAll("[^a-z0-9]", "_");
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            // MariaDB: as README asks of a production database, whatever the server's default
            statement.executeUpdate(kind().orElseThrow().equals("mariadb")
                    ? "CREATE DATABASE " + name + " CHARACTER SET utf8mb4"
                    : "CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name + " at "
                    + System.getProperty("it.database.admin.url") + ": " + e.getMessage()
                    + " (is the database server running? see README, Tests)", e);
        }
        synchronized (CREATED) {
            CREATED.add(name);
        }
        return System.getProperty("it.database.url").replace("{database}", name);
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.database.admin.url"));
    }
}
