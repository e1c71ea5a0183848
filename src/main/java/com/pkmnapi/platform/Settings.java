package com.pkmnapi.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    public static final String RATE_LIMIT_WRONG_CODES = "pkmnapi.rate.limit.wrong.codes";
    public static final String TOKEN_CAP = "pkmnapi.token.cap";
    public static final String DATABASE_DIR = "pkmnapi.database.dir";
    public static final String JDBC_URL = "pkmnapi.jdbc.url";
    public static final String JDBC_USER = "pkmnapi.jdbc.user";
    public static final String JDBC_PASSWORD = "pkmnapi.jdbc.password";
    public static final String TOKEN_LIFETIME_SECONDS = "pkmnapi.token.lifetime.seconds";
    public static final String LAST_USED_RESOLUTION_SECONDS = "pkmnapi.last.used.resolution.seconds";
    public static final String RATE_LIMIT_REQUESTS = "pkmnapi.rate.limit.requests";
    public static final String RATE_LIMIT_WINDOW_SECONDS = "pkmnapi.rate.limit.window.seconds";
    public static final String RATE_LIMIT_FAILED_CHECKS = "pkmnapi.rate.limit.failed.checks";
    public static final String TRUSTED_PROXIES = "pkmnapi.trusted.proxies";
    public static final String CORS_ALLOWED_ORIGINS = "pkmnapi.cors.allowed.origins";
    public static final String TOKEN_CACHE_SECONDS = "pkmnapi.token.cache.seconds";
    public static final String TOKEN_UNUSED_LIFETIME_SECONDS = "pkmnapi.token.unused.lifetime.seconds";
    public static final String ALLOWED_DOMAINS = "pkmnapi.allowed.domains";
    public static final String MAIL_MAX_IN_FLIGHT = "pkmnapi.mail.max.in.flight";
    public static final String MAIL_TIMEOUT_SECONDS = "pkmnapi.mail.timeout.seconds";
    public static final String MAIL_RETRY_DELAYS_SECONDS = "pkmnapi.mail.retry.delays.seconds";
    public static final String AUDIT_RETENTION_DAYS = "pkmnapi.audit.retention.days";
    public static final String METRICS_ALLOWED = "pkmnapi.metrics.allowed";

    public static final String DEFAULT_MAIL_SESSION = "java:app/mail/pkmnapi";

    private final String mailFrom;
    private final String mailSession;
    private final Optional<URI> publicBaseUrl;
    private final Duration resendWindow;
    private final Duration codeLifetime;
    private final int rateLimitWrongCodes;
    private final int tokenCap;
    private final String jdbcUrl;
    private final Optional<String> jdbcUser;
    private final Optional<String> jdbcPassword;
    private final Optional<Duration> tokenLifetime;
    private final Duration lastUsedResolution;
    private final int rateLimitRequests;
    private final Duration rateLimitWindow;
    private final int rateLimitFailedChecks;
    private final TrustedProxies trustedProxies;
    private final Set<String> corsAllowedOrigins;
    private final Duration tokenCacheTime;
    private final Duration tokenUnusedLifetime;
    private final Set<String> allowedDomains;
    private final int mailMaxInFlight;
    private final Duration mailTimeout;
    private final List<Duration> mailRetryDelays;
    private final Duration auditRetention;
    private final TrustedProxies metricsAllowed;

    /** @param source the raw value of a setting by its name, or null where it is not set */
    Settings(UnaryOperator<String> source) {
        Reader read = new Reader(source);
        // the original's display name: filters that sort by sender keep working
        mailFrom = read.text(MAIL_FROM, "Pkmnapi <noreply@localhost>");
        mailSession = read.text(MAIL_SESSION, DEFAULT_MAIL_SESSION);
        publicBaseUrl = read.optional(PUBLIC_BASE_URL).map(value -> baseUrl(PUBLIC_BASE_URL, value));
        resendWindow = Duration.ofSeconds(read.positive(RESEND_WINDOW_SECONDS, 600));
        codeLifetime = Duration.ofSeconds(read.positive(CODE_LIFETIME_SECONDS, 3600));
        rateLimitWrongCodes = read.positive(RATE_LIMIT_WRONG_CODES, 10);
        tokenCap = read.positive(TOKEN_CAP, 10);
        String databaseDir = read.text(DATABASE_DIR,
                Path.of(System.getProperty("user.home"), ".pkmnapi", "derby").toString());
        jdbcUrl = read.text(JDBC_URL, "jdbc:derby:" + databaseDir + ";create=true");
        jdbcUser = read.optional(JDBC_USER);
        jdbcPassword = read.optional(JDBC_PASSWORD);
        tokenLifetime = read.optional(TOKEN_LIFETIME_SECONDS)
                .map(value -> Duration.ofSeconds(read.positive(TOKEN_LIFETIME_SECONDS, 0)));
        lastUsedResolution = Duration.ofSeconds(read.positive(LAST_USED_RESOLUTION_SECONDS, 60));
        rateLimitRequests = read.positive(RATE_LIMIT_REQUESTS, 120);
        rateLimitWindow = Duration.ofSeconds(read.positive(RATE_LIMIT_WINDOW_SECONDS, 60));
        rateLimitFailedChecks = read.positive(RATE_LIMIT_FAILED_CHECKS, 60);
        trustedProxies = trustedProxies(TRUSTED_PROXIES, read.list(TRUSTED_PROXIES));
        corsAllowedOrigins = read.list(CORS_ALLOWED_ORIGINS).stream()
                .map(origin -> origin(CORS_ALLOWED_ORIGINS, origin))
                .collect(Collectors.toUnmodifiableSet());
        tokenCacheTime = Duration.ofSeconds(read.nonNegative(TOKEN_CACHE_SECONDS, 5));
        tokenUnusedLifetime = Duration.ofSeconds(read.positive(TOKEN_UNUSED_LIFETIME_SECONDS, 7 * 24 * 3600));
        allowedDomains = read.list(ALLOWED_DOMAINS).stream()
                .map(domain -> allowedDomain(ALLOWED_DOMAINS, domain))
                .collect(Collectors.toUnmodifiableSet());
        mailMaxInFlight = read.positive(MAIL_MAX_IN_FLIGHT, 16);
        mailTimeout = Duration.ofSeconds(read.positive(MAIL_TIMEOUT_SECONDS, 15));
        mailRetryDelays = read.durations(MAIL_RETRY_DELAYS_SECONDS, "30,120,300");
        auditRetention = Duration.ofDays(read.positive(AUDIT_RETENTION_DAYS, 365));
        Set<String> metricsClients = read.list(METRICS_ALLOWED);
        metricsAllowed = trustedProxies(METRICS_ALLOWED, metricsClients.isEmpty() ? Set.of("127.0.0.1", "::1") : metricsClients);
    }

    /** From these values alone, the environment aside (tests and tools). */
    public static Settings of(Map<String, String> values) {
        return new Settings(values::get);
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

    /** The clients that may read the metrics (addresses and ranges, as for the trusted proxies). */
    public TrustedProxies metricsAllowed() {
        return metricsAllowed;
    }

    /** How long audit events are kept; the purge deletes older ones. */
    public Duration auditRetention() {
        return auditRetention;
    }

    /** How long an address waits before it may ask again for the same kind of mail. */
    public Duration resendWindow() {
        return resendWindow;
    }

    public Duration codeLifetime() {
        return codeLifetime;
    }

    /**
     * Wrong deletion codes one client may send in an hour, all addresses together; then 429. A
     * wrong code never harms the owner's code: guessing is stopped here, per client.
     */
    public int rateLimitWrongCodes() {
        return rateLimitWrongCodes;
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

    /** How long a token works after it was issued, where tokens expire at all. */
    public Optional<Duration> tokenLifetime() {
        return tokenLifetime;
    }

    /** How stale a token's last-used time may get: it is written at most once in this time. */
    public Duration lastUsedResolution() {
        return lastUsedResolution;
    }

    /**
     * Requests one client may make to the three mail endpoints (ask for a token, ask for a
     * deletion code, delete) in a {@link #rateLimitWindow()}.
     */
    public int rateLimitRequests() {
        return rateLimitRequests;
    }

    public Duration rateLimitWindow() {
        return rateLimitWindow;
    }

    /**
     * Failed token checks (401) one client may cause in a {@link #rateLimitWindow()}; checks with
     * a live token are not counted.
     */
    public int rateLimitFailedChecks() {
        return rateLimitFailedChecks;
    }

    /** Reverse proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} header is believed. */
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    /** Origins of browser clients that may call the API ({@code *} for any), for CORS. */
    public Set<String> corsAllowedOrigins() {
        return corsAllowedOrigins;
    }

    /**
     * How long this server trusts a token it has looked up without looking again; 0 looks up
     * every request. A token revoked here is forgotten at once; one revoked on another server
     * of a cluster works here for at most this long.
     */
    public Duration tokenCacheTime() {
        return tokenCacheTime;
    }

    /**
     * How long a token that was never used keeps working after its issue: a token mailed to
     * someone who never asked for it dies unused.
     */
    public Duration tokenUnusedLifetime() {
        return tokenUnusedLifetime;
    }

    /**
     * The mail domains tokens are mailed to, lower-case: {@code corp.example} for that domain,
     * {@code *.corp.example} for any below it. Empty means any domain, which fits a development
     * machine only: anyone could have tokens mailed to any address.
     */
    public Set<String> allowedDomains() {
        return allowedDomains;
    }

    /** SMTP conversations this server holds at once; past them a request is refused at once. */
    public int mailMaxInFlight() {
        return mailMaxInFlight;
    }

    /**
     * The most one SMTP conversation may take, all of it: connecting, every reply and the data.
     * A conversation still going then is cut off and counts as failed.
     */
    public Duration mailTimeout() {
        return mailTimeout;
    }

    /**
     * After a deletion mail failed, the waits before each further try (by default after 30 s,
     * then 2 and 5 minutes); empty for no retry.
     */
    public List<Duration> mailRetryDelays() {
        return mailRetryDelays;
    }

    private static String origin(String name, String value) {
        if (value.equals("*")) {
            return value;
        }
        URI uri = baseUrl(name, value);
        if (!uri.getRawPath().equals("/")) {
            throw invalid(name, value, "a list of origins such as https://app.example.com, without a path");
        }
        String origin = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return origin.toLowerCase(Locale.ROOT);
    }

    private static final Pattern DOMAIN_PATTERN = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private static String allowedDomain(String name, String value) {
        String domain = value.toLowerCase(Locale.ROOT);
        if (!DOMAIN_PATTERN.matcher(domain).matches()) {
            throw invalid(name, value, "a comma-separated list of mail domains such as corp.example,*.corp.example");
        }
        return domain;
    }

    private static TrustedProxies trustedProxies(String name, Set<String> entries) {
        try {
            return TrustedProxies.of(entries);
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage(),
                    "a list of IP addresses or CIDR ranges such as 10.0.0.1, 10.0.0.0/8, ::1 (host names are not looked up)");
        }
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

        /** A comma-separated list; empty where the setting is not set. */
        Set<String> list(String name) {
            return optional(name).stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::strip)
                    .filter(item -> !item.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }

        /**
         * A comma-separated list of whole seconds, each 0 or more, in the order given; set but
         * empty is an empty list.
         */
        List<Duration> durations(String name, String fallback) {
            String value = Optional.ofNullable(source.apply(name)).orElse(fallback);
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

        int nonNegative(String name, int fallback) {
            return whole(name, fallback, 0, "a whole number, 0 or more");
        }

        int positive(String name, int fallback) {
            return whole(name, fallback, 1, "a whole number above 0");
        }

        private int whole(String name, int fallback, int least, String expected) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value.get());
                if (number >= least) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below, with the setting's name
            }
            throw invalid(name, value.get(), expected);
        }
    }
}
