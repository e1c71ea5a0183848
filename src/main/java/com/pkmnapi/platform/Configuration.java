package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Makes the settings, read once, and the clock injectable. */
@ApplicationScoped
public class Configuration {

    private final Settings settings = Settings.fromEnvironment();

    @Produces
    public Settings settings() {
        return settings;
    }

    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }
}
