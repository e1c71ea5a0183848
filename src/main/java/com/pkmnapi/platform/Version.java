package com.pkmnapi.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the build, written into {@code pkmnapi.properties} by Maven. */
public final class Version {

    public static final String VERSION = load();
    public static final String SERVER_HEADER = "pkmnapi/" + VERSION;

    private Version() {
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/pkmnapi.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
