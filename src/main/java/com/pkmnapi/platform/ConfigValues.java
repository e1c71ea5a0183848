package com.pkmnapi.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The service's settings as MicroProfile Config holds them: a setting named
 * {@code pkmnapi.mail.from} comes from the system property of that name, the environment variable
 * {@code PKMNAPI_MAIL_FROM}, any source the server adds (Payara's {@code set-config-property}, a
 * WildFly config source), else the default in {@code META-INF/microprofile-config.properties}.
 * Each concern makes its own small value from these ({@code from(Config)}), so that a class is
 * given only the settings it uses; a value that cannot be used stops the deployment with a
 * message that names the setting.
 *
 * <p>The sources are read in their order one by one, rather than through
 * {@link Config#getOptionalValue}: a blank value counts as unset and the next source is asked (an
 * environment variable set to "" keeps the default, as the settings table says), where Config
 * would let an empty value hide the default.
 */
public final class ConfigValues {

    private final Config config;

    private ConfigValues(Config config) {
        this.config = config;
    }

    public static ConfigValues of(Config config) {
        return new ConfigValues(config);
    }

    /** {@code pkmnapi.mail.from} is {@code PKMNAPI_MAIL_FROM} in the environment. */
    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** "setting pkmnapi.mail.from (environment PKMNAPI_MAIL_FROM)", for messages. */
    public static String describe(String name) {
        return name + " (" + environmentName(name) + ")";
    }

    /** The value of the first source that has one that is not blank, stripped. */
    public Optional<String> optional(String name) {
        return raw(name, true).map(String::strip);
    }

    /** A setting that the defaults file sets. */
    public String text(String name) {
        return optional(name).orElseThrow(() -> missing(name));
    }

    /** A comma-separated list; empty where the setting is not set. */
    public Set<String> list(String name) {
        return optional(name).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A comma-separated list of whole seconds, each 0 or more, in the order given; set but empty
     * (in any source above the defaults) is an empty list.
     */
    public List<Duration> durations(String name) {
        String value = raw(name, false).orElseThrow(() -> missing(name));
        List<Duration> durations = new ArrayList<>();
        for (String item : value.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            try {
                long seconds = Long.parseLong(item.strip());
                if (seconds >= 0) {
                    durations.add(Duration.ofSeconds(seconds));
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below, with the setting's name
            }
            throw invalid(name, value, "a comma-separated list of whole seconds, such as 30,120,300");
        }
        return List.copyOf(durations);
    }

    public int nonNegative(String name) {
        return whole(name, text(name), 0, "a whole number, 0 or more");
    }

    public int positive(String name) {
        return whole(name, text(name), 1, "a whole number above 0");
    }

    /** A whole number above 0, where the setting is set at all. */
    public Optional<Integer> optionalPositive(String name) {
        return optional(name).map(value -> whole(name, value, 1, "a whole number above 0"));
    }

    /** {@code true} or {@code false}, in any case. */
    public boolean flag(String name) {
        String value = text(name);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(name, value, "true or false");
    }

    public Duration positiveSeconds(String name) {
        return Duration.ofSeconds(positive(name));
    }

    public static IllegalStateException invalid(String name, String value, String expected) {
        return new IllegalStateException("Setting " + name + " (environment " + environmentName(name)
                + ") must be " + expected + ", but is: " + value);
    }

    private Optional<String> raw(String name, boolean blankIsUnset) {
        for (ConfigSource source : config.getConfigSources()) {
            String value = source.getValue(name);
            if (value != null && !(blankIsUnset && value.isBlank())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static int whole(String name, String value, int least, String expected) {
        try {
            int number = Integer.parseInt(value);
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw invalid(name, value, expected);
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException("Setting " + describe(name)
                + " has no value: META-INF/microprofile-config.properties of the WAR gives its default");
    }
}
