package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;

/**
 * Makes the platform's settings and the clock injectable, and reads every feature's settings
 * ({@link ReadAtStart}) at start.
 */
@ApplicationScoped
public class Configuration {

    @Inject
    Config config;

    /** Makes each, so that a setting that cannot be used stops the deployment. */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, @Any Instance<ReadAtStart> settings) {
        settings.forEach(Objects::requireNonNull);
    }

    @Produces
    @Singleton
    EdgeSettings edge() {
        return EdgeSettings.from(config);
    }

    @Produces
    @Singleton
    RateLimitSettings rateLimits() {
        return RateLimitSettings.from(config);
    }

    @Produces
    @Singleton
    DatabaseSettings database() {
        return DatabaseSettings.from(config);
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
