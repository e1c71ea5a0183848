import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Seeds the service's database, while the service is stopped, until its ACCESS_TOKEN table holds
 * the given number of tokens: random digests (the tokens behind them are never known), spread over
 * 1,000 addresses. For the benchmark only.
 *
 * java -cp <driver jars> SeedTokens.java <JDBC URL> <total tokens>
 * java -cp <driver jars> SeedTokens.java <JDBC URL of the server's admin database> recreate <name>
 *     (PostgreSQL: drops the database of that name, if any, and makes it anew, empty)
 */
public class SeedTokens {

    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[1].equals("recreate")) {
            recreate(args[0], args[2]);
            return;
        }
        String url = args[0];
        boolean derby = url.startsWith("jdbc:derby:");
        if (derby) {
            // Derby's log beside the database, as the service keeps it, not in the working directory
            System.setProperty("derby.stream.error.file", url.substring("jdbc:derby:".length()) + "-seed-derby.log");
        }
        long total = Long.parseLong(args[1]);
        SecureRandom random = new SecureRandom();
        byte[] digest = new byte[32];
        // PostgreSQL's driver sends a batch as one statement only when asked to
        String connectUrl = url.startsWith("jdbc:postgresql:") ? url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : url;
        try (Connection connection = DriverManager.getConnection(connectUrl)) {
            connection.setAutoCommit(false);
            long present = count(connection);
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ACCESS_TOKEN"
                    + " (ID, DIGEST, EMAIL_ADDRESS, DATE_CREATE) VALUES (?, ?, ?, ?)")) {
                for (long i = present; i < total; i++) {
                    random.nextBytes(digest);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, HexFormat.of().formatHex(digest));
                    insert.setString(3, "seed-" + (i % 1000) + "@example.com");
                    insert.setTimestamp(4, now);
                    insert.addBatch();
                    if ((i + 1 - present) % BATCH == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            if (!derby) {
                // fresh statistics, as a database that grew to this size over time would have
                try (Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(true);
                    statement.execute("ANALYZE ACCESS_TOKEN");
                }
            }
            System.out.printf("seeded %,d tokens in %.1f s; the table holds %,d%n", total - present,
                    (System.nanoTime() - started) / 1e9, count(connection));
        }
        if (derby) {
            try {
                DriverManager.getConnection(url + ";shutdown=true");
            } catch (SQLException expected) {
                // 08006: the database shut down cleanly
            }
        }
    }

    private static void recreate(String adminUrl, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
            statement.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.executeUpdate("CREATE DATABASE " + name);
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ACCESS_TOKEN")) {
            rows.next();
            long count = rows.getLong(1);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return count;
        }
    }
}
