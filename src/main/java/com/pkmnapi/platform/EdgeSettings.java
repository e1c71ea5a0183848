package com.pkmnapi.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The settings of the HTTP edge: the service's public address, the proxies whose
 * {@code X-Forwarded-For} is believed, the browser origins of CORS and the clients that may read
 * the metrics, and how long a caller that the server's realm let in is trusted.
 *
 * @param publicBaseUrl the public address for links in mails and {@code Location}, where it
 *        differs from the request's ({@code pkmnapi.public.base.url})
 * @param trustedProxies reverse proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For}
 *        header is believed ({@code pkmnapi.trusted.proxies})
 * @param corsAllowedOrigins origins of browser clients that may call the API, lower-case, or
 *        {@code *} for any ({@code pkmnapi.cors.allowed.origins})
 * @param metricsAllowed the clients that may read the metrics, as for the trusted proxies
 *        ({@code pkmnapi.metrics.allowed}, loopback by default)
 * @param realmCacheTime how long a caller whose credentials the server's realm accepted is let
 *        in again without asking the realm; 0 asks it every request
 *        ({@code pkmnapi.realm.cache.seconds}, see {@link RealmCallers})
 */
public record EdgeSettings(Optional<URI> publicBaseUrl, TrustedProxies trustedProxies, Set<String> corsAllowedOrigins,
        TrustedProxies metricsAllowed, Duration realmCacheTime) implements ReadAtStart {

    public static final String PUBLIC_BASE_URL = "pkmnapi.public.base.url";
    public static final String TRUSTED_PROXIES = "pkmnapi.trusted.proxies";
    public static final String CORS_ALLOWED_ORIGINS = "pkmnapi.cors.allowed.origins";
    public static final String METRICS_ALLOWED = "pkmnapi.metrics.allowed";
    public static final String REALM_CACHE_SECONDS = "pkmnapi.realm.cache.seconds";

    public static EdgeSettings from(Config config) {
        ConfigValues read = ConfigValues.of(config);
        return new EdgeSettings(
                read.optional(PUBLIC_BASE_URL).map(value -> baseUrl(PUBLIC_BASE_URL, value)),
                addresses(TRUSTED_PROXIES, read.list(TRUSTED_PROXIES)),
                read.list(CORS_ALLOWED_ORIGINS).stream()
                        .map(origin -> origin(CORS_ALLOWED_ORIGINS, origin))
                        .collect(Collectors.toUnmodifiableSet()),
                addresses(METRICS_ALLOWED, read.list(METRICS_ALLOWED)),
                Duration.ofSeconds(read.nonNegative(REALM_CACHE_SECONDS)));
    }

    private static String origin(String name, String value) {
        if (value.equals("*")) {
            return value;
        }
        URI uri = baseUrl(name, value);
        if (!uri.getRawPath().equals("/")) {
            throw ConfigValues.invalid(name, value, "a list of origins such as https://app.example.com, without a path");
        }
        String origin = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return origin.toLowerCase(Locale.ROOT);
    }

    private static TrustedProxies addresses(String name, Set<String> entries) {
        try {
            return TrustedProxies.of(entries);
        } catch (IllegalArgumentException e) {
            throw ConfigValues.invalid(name, e.getMessage(),
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
            throw ConfigValues.invalid(name, value, "an absolute http(s) URL such as https://tokens.example.com");
        }
    }
}
