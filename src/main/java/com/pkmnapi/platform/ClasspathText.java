package com.pkmnapi.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files that ship with the classes (a page's script and style, the OpenAPI description). */
public final class ClasspathText {

    private ClasspathText() {
    }

    /**
     * The whole file, read as UTF-8.
     *
     * @param name relative to the anchor's package, or absolute with a leading {@code /}
     * @throws IllegalStateException if there is no such file
     */
    public static String read(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " beside " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
