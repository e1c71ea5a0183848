package com.pkmnapi.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.util.Collections;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The JDBC data source behind {@code java:app/jdbc/pkmnapi}: connects to the URL of the setting
 * {@code pkmnapi.jdbc.url}, by default an embedded Derby database in {@code pkmnapi.database.dir}.
 * The container instantiates it (see {@link ApplicationResources}) and wraps it in its own pool
 * and transactions, so the same WAR reaches another database by a setting, without a rebuild.
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());
    private static final String DERBY_LOCK_WAIT = "derby.locks.waitTimeout";
    private static final String DERBY_DRIVER = "org.apache.derby.iapi.jdbc.AutoloadedDriver";
    private static final String DERBY_FILE_PERMISSIONS = "derby.storage.useDefaultFilePermissions";
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    /** The embedded databases prepared in this deployment. */
    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();

    /**
     * Made by the container, outside injection: the settings come from the WAR's own
     * configuration, found by its class loader.
     */
    private final DatabaseSettings settings =
            DatabaseSettings.from(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()));
    private PrintWriter logWriter;
    private int loginTimeout;
    private String applicationName = "pkmnapi";

    /**
     * A name for the server's listings. It is also the one connection property the definition
     * sets: WildFly refuses a data source class without any (IJ031103).
     */
    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    public String getApplicationName() {
        return applicationName;
    }

    @Override
    public String toString() {
        return applicationName + " data source";
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(null, null);
    }

    /**
     * With the given login, or the configured one where none is given: WildFly's pool asks with
     * the definition's user, which is "" as it names none.
     */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        if (user == null || user.isEmpty()) {
            user = settings.jdbcUser().orElse(null);
            password = settings.jdbcPassword().orElse(null);
        }
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String url = settings.jdbcUrl();
        limitLockWaits(url, properties, settings.lockWait().toSeconds());
        if (isEmbeddedDerby(url)) {
            return connect(url, properties);
        }
        limitConnectionWaits(url, properties);
        return ReconnectingConnection.connect(() -> connect(url, properties));
    }

    /**
     * A database server that cannot be reached costs a request at most {@value #CONNECT_SECONDS} s
     * to find out, unless the URL says otherwise: the drivers' connect and login time-outs
     * (their defaults: PostgreSQL 10 s, MariaDB 30 s). A connection that stops answering in the
     * middle of a statement is given up after {@value #SOCKET_SECONDS} s (their default: never),
     * well above the lock wait and the longest purge.
     */
    static void limitConnectionWaits(String url, Properties properties) {
        if (url.startsWith("jdbc:postgresql:")) {
            setUnlessInUrl(url, properties, "connectTimeout", String.valueOf(CONNECT_SECONDS));
            setUnlessInUrl(url, properties, "loginTimeout", String.valueOf(CONNECT_SECONDS));
            setUnlessInUrl(url, properties, "socketTimeout", String.valueOf(SOCKET_SECONDS));
        } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            setUnlessInUrl(url, properties, "connectTimeout", String.valueOf(CONNECT_SECONDS * 1000));
            setUnlessInUrl(url, properties, "socketTimeout", String.valueOf(SOCKET_SECONDS * 1000));
        }
    }

    static final int CONNECT_SECONDS = 2;
    static final int SOCKET_SECONDS = 30;

    private static void setUnlessInUrl(String url, Properties properties, String name, String value) {
        if (!url.contains(name + "=")) {
            properties.setProperty(name, value);
        }
    }

    /**
     * A request waits for a row lock at most {@code seconds} on every database, unless the URL
     * says otherwise: PostgreSQL's {@code lock_timeout} and MariaDB's
     * {@code innodb_lock_wait_timeout} for each connection (their defaults wait for ever and 50 s),
     * Derby's {@code derby.locks.waitTimeout} for the embedded engine.
     */
    static void limitLockWaits(String url, Properties properties, long seconds) {
        if (url.startsWith("jdbc:postgresql:") && !url.contains("options=")) {
            properties.setProperty("options", "-c lock_timeout=" + seconds + "s");
        } else if ((url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) && !url.contains("sessionVariables=")) {
            properties.setProperty("sessionVariables", "innodb_lock_wait_timeout=" + seconds);
        } else if (isEmbeddedDerby(url) && System.getProperty(DERBY_LOCK_WAIT) == null) {
            System.setProperty(DERBY_LOCK_WAIT, String.valueOf(seconds));
        }
    }

    /**
     * Connects with the driver that accepts the URL, found among the drivers this WAR can see
     * (the embedded Derby in WEB-INF/lib, or a driver the server provides).
     */
    static Connection connect(String url, Properties properties) throws SQLException {
        prepareEmbeddedDerby(url);
        for (Driver driver : ServiceLoader.load(Driver.class, ConfiguredDataSource.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                return withoutExistingDatabaseNotice(driver.connect(url, properties));
            }
        }
        return withoutExistingDatabaseNotice(DriverManager.getDriver(url).connect(url, properties));
    }

    /**
     * Derby answers create=true, on each connection to a database that is there already, with the
     * warning 01J01 ("not created, connection made to existing database instead"), which WildFly's
     * Hibernate logs for each new pooled connection: it is the expected case, not news.
     */
    private static Connection withoutExistingDatabaseNotice(Connection connection) throws SQLException {
        if (connection != null) {
            SQLWarning warning = connection.getWarnings();
            if (warning != null && "01J01".equals(warning.getSQLState()) && warning.getNextWarning() == null) {
                connection.clearWarnings();
            }
        }
        return connection;
    }

    /**
     * Gives back what this WAR's own JDBC drivers hold in the server, when the application stops.
     * An embedded Derby engine that runs is shut down with its databases: a redeploy in the same
     * JVM needs that (else XSDB6), and its timer thread, which holds this WAR's class loader,
     * ends. (Derby's per-thread contexts on the server's request threads remain as stale
     * thread-local entries, which each thread drops only as it uses its thread locals again: with
     * the embedded Derby the old classes can linger after a redeploy until then.) The engine runs where the database is the embedded Derby, and also where it
     * is not but the server started it: WildFly instantiates every JDBC driver a deployment
     * declares and asks its version, which boots Derby's engine, so that a WAR on PostgreSQL would
     * otherwise stay loaded after its undeploy ({@code WildFlyPageIT} redeploys). Then every
     * driver this WAR's class loader registered with DriverManager (Derby's registers itself as its
     * class initializes, whatever the database) is deregistered; otherwise the server finds them
     * on undeploy and reports a leak.
     */
    static void release(String url) {
        if (isOwnClass(DERBY_DRIVER) && (isEmbeddedDerby(url) || derbyEngineRuns())) {
            try {
                connect("jdbc:derby:;shutdown=true", new Properties()).close();
            } catch (SQLException e) {
                // Derby reports a clean shutdown of the engine as SQLState XJ015
                if (!"XJ015".equals(e.getSQLState())) {
                    LOG.log(Level.WARNING, "The embedded database did not shut down cleanly", e);
                }
            }
            // The engine's ThreadLocal is unreachable now; what request threads still map to it
            // goes once it is collected, before the server looks for leaks.
            System.gc();
        }
        ClassLoader own = ConfiguredDataSource.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == own) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "Driver " + driver + " not deregistered", e);
                }
            }
        }
    }

    /**
     * Whether this WAR's own Derby engine has booted. Derby has no public way to ask that does not
     * boot the engine (its driver's version and connect both do), so the driver's private field
     * that holds the engine's driver once booted is read; where it cannot be read (another Derby
     * version), the answer is yes: a shutdown too many boots and stops the engine, one too few
     * keeps the class loader.
     */
    private static boolean derbyEngineRuns() {
        try {
            Field module = Class.forName(DERBY_DRIVER, false, ConfiguredDataSource.class.getClassLoader())
                    .getDeclaredField("_driverModule");
            module.setAccessible(true);
            return module.get(null) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot tell whether Derby's engine runs; shutting it down", e);
            return true;
        }
    }

    /** Whether the class comes with this WAR, rather than from the server every application shares. */
    private static boolean isOwnClass(String name) {
        ClassLoader own = ConfiguredDataSource.class.getClassLoader();
        try {
            return Class.forName(name, false, own).getClassLoader() == own;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static boolean isEmbeddedDerby(String url) {
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    /**
     * Once per embedded database: Derby writes its log beside the database rather than into the
     * server's working directory, and the database is for the server's user alone. Derby makes its
     * files under the umask (0644 as a rule) unless {@code derby.storage.useDefaultFilePermissions}
     * is false, which is set here where nobody has set it; a database and log that are there
     * already, made before, are made owner-only too (directories 0700, files 0600).
     */
    private static void prepareEmbeddedDerby(String url) {
        if (!isEmbeddedDerby(url)) {
            return;
        }
        String database = url.substring("jdbc:derby:".length()).split(";", 2)[0];
        if (database.isEmpty() || database.startsWith("memory:") || !PREPARED.add(database)) {
            return;
        }
        if (System.getProperty(DERBY_FILE_PERMISSIONS) == null) {
            System.setProperty(DERBY_FILE_PERMISSIONS, "false");
        }
        Path directory = Path.of(database).toAbsolutePath();
        Path log = Path.of(database + "-derby.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            if (System.getProperty("derby.stream.error.file") == null) {
                System.setProperty("derby.stream.error.file", log.toString());
            }
            ownerOnly(directory);
            ownerOnly(log);
            // where a server booted Derby's engine before this WAR set its log (WildFly), it logs here
            ownerOnly(engineLog());
        } catch (IOException | UncheckedIOException e) {
            // Derby then logs where it would anyway; the database itself reports real trouble
            LOG.log(Level.WARNING, "Cannot make the embedded database " + directory + " owner-only", e);
        }
    }

    /** Where Derby's engine logs unless told otherwise: {@code derby.log} in its system home. */
    static Path engineLog() {
        return Path.of(System.getProperty("derby.system.home", System.getProperty("user.dir")), "derby.log").toAbsolutePath();
    }

    /** Directories 0700, files 0600, below {@code path} and itself, where the file system has POSIX permissions. */
    static void ownerOnly(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                || !Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(each)) {
                    Files.setPosixFilePermissions(each, Files.isDirectory(each) ? OWNER_DIRECTORY : OWNER_FILE);
                }
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
