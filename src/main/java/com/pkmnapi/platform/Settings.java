package com.pkmnapi.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every setting of the service, read once from the environment. A setting named
 * {@code pkmnapi.mail.from} is taken from the system property of that name, else from the
 * environment variable {@code PKMNAPI_MAIL_FROM}, else its default (the order MicroProfile Config
 * uses, without needing it). A value that cannot be used stops the deployment with a message that
 * names the setting, rather than misbehaving later.
 */
public final class Settings {

    public static final String MAIL_FROM = "pkmnapi.mail.from";
    public static final String MAIL_SESSION = "pkmnapi.mail.session";
    public static final String PUBLIC_BASE_URL = "pkmnapi.public.base.url";
    public static final String RESEND_WINDOW_SECONDS = "pkmnapi.resend.window.seconds";
    public static final String CODE_LIFETIME_SECONDS = "pkmnapi.code.lifetime.seconds";
    public static final String CODE_MAX_TRIES = "pkmnapi.code.max.tries";
    public static final String TOKEN_CAP = "pkmnapi.token.cap";
    public static final String DATABASE_DIR = "pkmnapi.database.dir";
    public static final String JDBC_URL = "pkmnapi.jdbc.url";
    public static final String JDBC_USER = "pkmnapi.jdbc.user";
    public static final String JDBC_PASSWORD = "pkmnapi.jdbc.password";

    public static final String DEFAULT_MAIL_SESSION = "java:app/mail/pkmnapi";

    private final String mailFrom;
    private final String mailSession;
    private final Optional<URI> publicBaseUrl;
    private final Duration resendWindow;
    private final Duration codeLifetime;
    private final int codeMaxTries;
    private final int tokenCap;
    private final String jdbcUrl;
    private final Optional<String> jdbcUser;
    private final Optional<String> jdbcPassword;

    /** @param source the raw value of a setting by its name, or null where it is not set */
    Settings(UnaryOperator<String> source) {
        Reader read = new Reader(source);
        mailFrom = read.text(MAIL_FROM, "pkmnapi <noreply@localhost>");
        mailSession = read.text(MAIL_SESSION, DEFAULT_MAIL_SESSION);
        publicBaseUrl = read.optional(PUBLIC_BASE_URL).map(value -> baseUrl(PUBLIC_BASE_URL, value));
        resendWindow = Duration.ofSeconds(read.positive(RESEND_WINDOW_SECONDS, 600));
        codeLifetime = Duration.ofSeconds(read.positive(CODE_LIFETIME_SECONDS, 3600));
        codeMaxTries = read.positive(CODE_MAX_TRIES, 5);
        tokenCap = read.positive(TOKEN_CAP, 10);
        String databaseDir = read.text(DATABASE_DIR,
                Path.of(System.getProperty("user.home"), ".pkmnapi", "derby").toString());
        jdbcUrl = read.text(JDBC_URL, "jdbc:derby:" + databaseDir + ";create=true");
        jdbcUser = read.optional(JDBC_USER);
        jdbcPassword = read.optional(JDBC_PASSWORD);
    }

    public static Settings fromEnvironment() {
        return new Settings(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(environmentName(name));
        });
    }

    /** {@code pkmnapi.mail.from} is {@code PKMNAPI_MAIL_FROM} in the environment. */
    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The sender of every mail, an RFC 5322 address with an optional display name. */
    public String mailFrom() {
        return mailFrom;
    }

    /** JNDI name of the container-managed Jakarta Mail session that sends the mails. */
    public String mailSession() {
        return mailSession;
    }

    /** The public address of the service for links in mails, where it differs from the request's. */
    public Optional<URI> publicBaseUrl() {
        return publicBaseUrl;
    }

    /** How long an address waits before it may ask again for the same kind of mail. */
    public Duration resendWindow() {
        return resendWindow;
    }

    public Duration codeLifetime() {
        return codeLifetime;
    }

    /** Wrong tries after which a deletion code is dead. */
    public int codeMaxTries() {
        return codeMaxTries;
    }

    /** Live tokens one address may hold. */
    public int tokenCap() {
        return tokenCap;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Optional<String> jdbcUser() {
        return jdbcUser;
    }

    public Optional<String> jdbcPassword() {
        return jdbcPassword;
    }

    private static URI baseUrl(String name, String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value : value + "/");
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL without query");
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new URISyntaxException(value, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(name, value, "an absolute http(s) URL such as https://tokens.example.com");
        }
    }

    private static IllegalStateException invalid(String name, String value, String expected) {
        return new IllegalStateException("Setting " + name + " (environment " + environmentName(name)
                + ") must be " + expected + ", but is: " + value);
    }

    private record Reader(UnaryOperator<String> source) {

        Optional<String> optional(String name) {
            return Optional.ofNullable(source.apply(name)).map(String::strip).filter(value -> !value.isEmpty());
        }

        String text(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        int positive(String name, int fallback) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value.get());
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below, with the setting's name
            }
            throw invalid(name, value.get(), "a whole number above 0");
        }
    }
}
