package com.pkmnapi.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.mail.MailSessionDefinition;
import java.beans.Introspector;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The resources the WAR brings with it, so that it runs on a bare server: the database (see
 * {@link ConfiguredDataSource}) and a mail session for an SMTP server on 127.0.0.1:3025. In
 * production the server supplies the mail session (setting {@code pkmnapi.mail.session}) and the
 * database URL comes from {@code pkmnapi.jdbc.url}. At start it brings the schema up to date
 * ({@link SchemaMigrations}); at stop it shuts an embedded Derby database down, which a redeploy
 * in the same JVM needs.
 */
@DataSourceDefinition(
        name = ApplicationResources.DATA_SOURCE,
        className = "com.pkmnapi.platform.ConfiguredDataSource",
        properties = "applicationName=pkmnapi",
        // the row locks decide, and each request reads what has committed: alike on every database
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 0,
        maxPoolSize = 32)
@MailSessionDefinition(
        // the default of pkmnapi.mail.session
        name = "java:app/mail/pkmnapi",
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

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    EdgeSettings edge;

    @Inject
    DatabaseSettings database;

    @PostConstruct
    void start() {
        warnAboutOpenSettings();
        SchemaMigrations.apply(dataSource, threads);
    }

    /** A setting left open that a production server should close: said once, at start. */
    private void warnAboutOpenSettings() {
        if (edge.publicBaseUrl().isEmpty()) {
            LOG.warning(() -> "Setting " + ConfigValues.describe(EdgeSettings.PUBLIC_BASE_URL)
                    + " is not set: links are made only for requests to localhost, and deletion requests to any"
                    + " other host are refused. Set it to the service's public address.");
        }
    }

    /**
     * Gives back what the server holds of this deployment: the database's (see
     * {@link ConfiguredDataSource#release}), and the JDK's cache of bean descriptions
     * ({@code java.beans.Introspector}), in which Liquibase's introspection at start leaves this
     * WAR's classes. That cache is global and soft: after an undeploy it would keep the WAR's class
     * loader until the heap runs short, so that a redeploy would hold two copies of the WAR's
     * classes (the deploy pages' tests redeploy and look). Web containers such as Tomcat flush
     * it as an application stops; WildFly and Payara do not.
     */
    @PreDestroy
    void release() {
        ConfiguredDataSource.release(database.jdbcUrl());
        Introspector.flushCaches();
    }
}
