package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** Makes the settings, read once, and the clock injectable. */
@ApplicationScoped
public class Configuration {

    private final Settings settings = Settings.fromEnvironment();

    @Produces
    public Settings settings() {
        return settings;
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
