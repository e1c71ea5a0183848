package com.pkmnapi.testsupport;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A real MicroProfile Config (SmallRye's, WildFly's implementation) for unit tests: the WAR's own
 * defaults, META-INF/microprofile-config.properties, below the source a test gives.
 */
public final class TestConfig {

    private TestConfig() {
    }

    /** The values as system properties set them (ordinal 400). */
    public static Config of(Map<String, String> values) {
        return of(new PropertiesConfigSource(values, "test", 400));
    }

    public static Config of(ConfigSource source) {
        URL defaults = TestConfig.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
        try {
            return new SmallRyeConfigBuilder()
                    .withSources(source, new PropertiesConfigSource(defaults, 100))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
