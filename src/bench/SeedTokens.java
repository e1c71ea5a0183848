import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Seeds an embedded Derby database of the service, while the service is stopped, until its
 * ACCESS_TOKEN table holds the given number of tokens: random digests (the tokens behind them are
 * never known), spread over 1,000 addresses. For the benchmark only.
 *
 * java -cp derby.jar:derbyshared.jar:derbytools.jar SeedTokens.java <database dir> <total tokens>
 */
public class SeedTokens {

    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        // Derby's log beside the database, as the service keeps it, not in the working directory
        System.setProperty("derby.stream.error.file", args[0] + "-seed-derby.log");
        String url = "jdbc:derby:" + args[0];
        long total = Long.parseLong(args[1]);
        SecureRandom random = new SecureRandom();
        byte[] digest = new byte[32];
        try (Connection connection = DriverManager.getConnection(url)) {
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
            System.out.printf("seeded %,d tokens in %.1f s; the table holds %,d%n", total - present,
                    (System.nanoTime() - started) / 1e9, count(connection));
            connection.commit();
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true");
        } catch (java.sql.SQLException expected) {
            // 08006: the database shut down cleanly
        }
    }

    private static long count(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ACCESS_TOKEN")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
