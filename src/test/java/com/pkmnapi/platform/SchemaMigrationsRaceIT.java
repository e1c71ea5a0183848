package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pkmnapi.testsupport.TestDatabases;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Servers that start at once on an empty database server database all bring the schema up, and
 * each change is applied once: four migrations at once, on a fresh database each round, from the
 * test JVM (as four servers would, each its own connection). Liquibase checks for and creates its
 * history table before it takes its lock (liquibase/liquibase#5254), so that a server could fail
 * to start with {@code relation "databasechangelog" already exists}, as one of TwoNodesIT's two
 * did. Runs in the database builds.
 */
@EnabledIfSystemProperty(named = "it.database.kind", matches = "postgres|mariadb")
class SchemaMigrationsRaceIT {

    private static final int SERVERS = 4;
    private static final int ROUNDS = 8;

    @Test
    void serversThatStartAtOnceOnAnEmptyDatabaseAllStartAndApplyEachChangeOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SERVERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String url = TestDatabases.fresh("race_" + round);
                DataSource dataSource = dataSource(url);
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Void>> migrations = new ArrayList<>();
                for (int server = 0; server < SERVERS; server++) {
                    migrations.add(CompletableFuture.runAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        SchemaMigrations.apply(dataSource, Thread::new);
                    }, pool));
                }
                start.countDown();
                for (CompletableFuture<Void> migration : migrations) {
                    migration.join();
                }
                assertEquals(changes(url, "SELECT count(DISTINCT id) FROM DATABASECHANGELOG"),
                        changes(url, "SELECT count(*) FROM DATABASECHANGELOG"), "each change once, round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int changes(String url, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Connections to the URL, as a server's data source hands them out (Liquibase asks for one). */
    private static DataSource dataSource(String url) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getConnection" -> DriverManager.getConnection(url);
                    case "toString" -> "data source of " + url;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
