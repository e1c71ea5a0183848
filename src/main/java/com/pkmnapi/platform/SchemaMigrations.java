package com.pkmnapi.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the database's schema up to the one the entities map, with the changes in
 * {@code db/changelog.xml} that it has not had yet (Liquibase). Servers that start at once on one
 * database take turns, so each change is applied once: through the database's own lock
 * ({@link SchemaLock}) around Liquibase, whose lock table is not enough on an empty database.
 */
final class SchemaMigrations {

    static final String CHANGELOG = "db/changelog.xml";

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    static void apply(DataSource dataSource, ThreadFactory threads) {
        FutureTask<Void> migration = new FutureTask<>(() -> {
            apply(dataSource);
            return null;
        });
        threads.newThread(migration).start();
        try {
            migration.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("The database schema could not be brought up to date: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the database schema was brought up to date", e);
        }
    }

    private static void apply(DataSource dataSource) {
        ClassLoader classLoader = SchemaMigrations.class.getClassLoader();
        try (Connection connection = dataSource.getConnection(); SchemaLock turn = SchemaLock.take(connection)) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.classLoader.name(), classLoader,
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(classLoader),
                    // what Liquibase would print goes to the server's log instead
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    // nothing leaves the intranet: no usage reports to Liquibase's servers
                    AnalyticsArgs.ENABLED.getKey(), false);
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .execute());
            LOG.info(() -> "Database schema up to date (" + database.getDatabaseProductName() + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("No connection to the database: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("The database schema could not be brought up to date: " + e.getMessage(), e);
        }
    }
}
