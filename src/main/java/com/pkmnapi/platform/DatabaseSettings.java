package com.pkmnapi.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The database behind {@code java:app/jdbc/pkmnapi} ({@link ConfiguredDataSource}) and how long a
 * request waits for a row lock on it.
 *
 * @param jdbcUrl {@code pkmnapi.jdbc.url}, by default an embedded Derby database in
 *        {@code pkmnapi.database.dir} (by default {@code ~/.pkmnapi/derby}); both defaults depend
 *        on the user's home, so they are made here rather than written in the defaults file
 * @param lockWait how long a request waits for a row lock before it is told to try again, on
 *        every database: requests hold an address's row only for short transactions, so a longer
 *        wait means trouble, and the waiting request is better answered "try again" than left
 *        hanging
 */
public record DatabaseSettings(String jdbcUrl, Optional<String> jdbcUser, Optional<String> jdbcPassword, Duration lockWait) implements ReadAtStart {

    public static final String DATABASE_DIR = "pkmnapi.database.dir";
    public static final String JDBC_URL = "pkmnapi.jdbc.url";
    public static final String JDBC_USER = "pkmnapi.jdbc.user";
    public static final String JDBC_PASSWORD = "pkmnapi.jdbc.password";
    static final Duration LOCK_WAIT = Duration.ofSeconds(2);

    public static DatabaseSettings from(Config config) {
        ConfigValues read = ConfigValues.of(config);
        String databaseDir = read.optional(DATABASE_DIR)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".pkmnapi", "derby").toString());
        return new DatabaseSettings(read.optional(JDBC_URL).orElse("jdbc:derby:" + databaseDir + ";create=true"),
                read.optional(JDBC_USER), read.optional(JDBC_PASSWORD), LOCK_WAIT);
    }

    /** The password is not shown: the record's text goes into logs. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser.orElse("") + ", lockWait=" + lockWait + "]";
    }
}
