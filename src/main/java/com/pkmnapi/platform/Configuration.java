package com.pkmnapi.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Makes the platform's settings, read once at start, and the clock injectable. A setting that
 * cannot be used stops the deployment.
 */
@ApplicationScoped
public class Configuration {

    @Inject
    Config config;

    private EdgeSettings edge;
    private RateLimitSettings rateLimits;
    private DatabaseSettings database;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // the observer makes the bean, and so reads the settings, at start
    }

    @PostConstruct
    void read() {
        edge = EdgeSettings.from(config);
        rateLimits = RateLimitSettings.from(config);
        database = DatabaseSettings.from(config);
    }

    @Produces
    EdgeSettings edge() {
        return edge;
    }

    @Produces
    RateLimitSettings rateLimits() {
        return rateLimits;
    }

    @Produces
    DatabaseSettings database() {
        return database;
    }

    /**
     * UTC, in whole microseconds: the finest time PostgreSQL and MariaDB ({@code DATETIME(6)})
     * store, so that a time read back equals the one written on every database.
     */
    @Produces
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
