package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ConfigValues;
import com.pkmnapi.platform.ReadAtStart;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * What tokens and codes may do, and for how long.
 *
 * @param resendWindow how long an address waits before it may ask again for the same kind of
 *        mail ({@code pkmnapi.resend.window.seconds})
 * @param codeLifetime how long a deletion code works ({@code pkmnapi.code.lifetime.seconds})
 * @param tokenCap live tokens one address may hold ({@code pkmnapi.token.cap})
 * @param tokenLifetime how long a token works after it was issued, where tokens expire at all
 *        ({@code pkmnapi.token.lifetime.seconds}); not below {@code minLifetime}
 * @param minLifetime the shortest lifetime a request may ask for with {@code expires_in}: longer
 *        than the re-send window, so that a token somebody else asked for, which its owner receives,
 *        outlives the window in which the owner cannot ask for one
 *        ({@code pkmnapi.token.min.lifetime.seconds})
 * @param lastUsedResolution how stale a token's last-used time may get: it is written at most once
 *        in this time ({@code pkmnapi.last.used.resolution.seconds})
 * @param cacheTime how long this server trusts a token it has looked up without looking again; 0
 *        looks up every request. A token revoked here is forgotten at once; one revoked on another
 *        server of a cluster within {@code revocationDelay} ({@code pkmnapi.token.cache.seconds})
 * @param revocationDelay the longest a revocation on another server of a cluster takes to be
 *        honoured here: a cached token is trusted only after the revocations up to this long ago
 *        have been read ({@code pkmnapi.revocation.delay.millis})
 * @param staleIfError how long after its cache time a token that was cached when the database became
 *        unreachable goes on being accepted while it stays unreachable; 0 accepts none
 *        ({@code pkmnapi.token.stale.if.error.seconds})
 * @param unusedLifetime how long a token that was never used keeps working after its issue: a
 *        token mailed to someone who never asked for it dies unused
 *        ({@code pkmnapi.token.unused.lifetime.seconds})
 * @param allowedDomains the mail domains tokens are mailed to, lower-case: {@code corp.example}
 *        for that domain, {@code *.corp.example} for any below it. Empty means any domain, which
 *        fits a development machine only ({@code pkmnapi.allowed.domains})
 * @param tagsAllowed whether an address may have a {@code +tag} ({@code alice+ci@corp.example}),
 *        each of them an identity of its own, with its own tokens, cap and window
 *        ({@code pkmnapi.address.tags.allowed})
 */
public record TokenPolicy(Duration resendWindow, Duration codeLifetime, int tokenCap, Optional<Duration> tokenLifetime,
        Duration minLifetime, Duration lastUsedResolution, Duration cacheTime, Duration revocationDelay, Duration staleIfError, Duration unusedLifetime,
        Set<String> allowedDomains, boolean tagsAllowed) implements ReadAtStart {

    public static final String RESEND_WINDOW_SECONDS = "pkmnapi.resend.window.seconds";
    public static final String CODE_LIFETIME_SECONDS = "pkmnapi.code.lifetime.seconds";
    public static final String TOKEN_CAP = "pkmnapi.token.cap";
    public static final String TOKEN_LIFETIME_SECONDS = "pkmnapi.token.lifetime.seconds";
    public static final String TOKEN_MIN_LIFETIME_SECONDS = "pkmnapi.token.min.lifetime.seconds";
    public static final String LAST_USED_RESOLUTION_SECONDS = "pkmnapi.last.used.resolution.seconds";
    public static final String TOKEN_CACHE_SECONDS = "pkmnapi.token.cache.seconds";
    public static final String REVOCATION_DELAY_MILLIS = "pkmnapi.revocation.delay.millis";
    public static final String TOKEN_STALE_IF_ERROR_SECONDS = "pkmnapi.token.stale.if.error.seconds";
    public static final String TOKEN_UNUSED_LIFETIME_SECONDS = "pkmnapi.token.unused.lifetime.seconds";
    public static final String ALLOWED_DOMAINS = "pkmnapi.allowed.domains";
    public static final String ADDRESS_TAGS_ALLOWED = "pkmnapi.address.tags.allowed";

    private static final Pattern DOMAIN_PATTERN = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    public static TokenPolicy from(Config config) {
        ConfigValues read = ConfigValues.of(config);
        Duration minLifetime = read.positiveSeconds(TOKEN_MIN_LIFETIME_SECONDS);
        Optional<Duration> tokenLifetime = read.optionalPositive(TOKEN_LIFETIME_SECONDS).map(Duration::ofSeconds);
        tokenLifetime.filter(lifetime -> lifetime.compareTo(minLifetime) < 0).ifPresent(lifetime -> {
            throw ConfigValues.invalid(TOKEN_LIFETIME_SECONDS, Long.toString(lifetime.toSeconds()),
                    "at least " + TOKEN_MIN_LIFETIME_SECONDS + " (" + minLifetime.toSeconds() + ")");
        });
        return new TokenPolicy(
                read.positiveSeconds(RESEND_WINDOW_SECONDS),
                read.positiveSeconds(CODE_LIFETIME_SECONDS),
                read.positive(TOKEN_CAP),
                tokenLifetime,
                minLifetime,
                read.positiveSeconds(LAST_USED_RESOLUTION_SECONDS),
                Duration.ofSeconds(read.nonNegative(TOKEN_CACHE_SECONDS)),
                Duration.ofMillis(read.positive(REVOCATION_DELAY_MILLIS)),
                Duration.ofSeconds(read.nonNegative(TOKEN_STALE_IF_ERROR_SECONDS)),
                read.positiveSeconds(TOKEN_UNUSED_LIFETIME_SECONDS),
                read.list(ALLOWED_DOMAINS).stream().map(TokenPolicy::allowedDomain).collect(Collectors.toUnmodifiableSet()),
                read.flag(ADDRESS_TAGS_ALLOWED));
    }

    private static String allowedDomain(String value) {
        String domain = value.toLowerCase(Locale.ROOT);
        if (!DOMAIN_PATTERN.matcher(domain).matches()) {
            throw ConfigValues.invalid(ALLOWED_DOMAINS, value,
                    "a comma-separated list of mail domains such as corp.example,*.corp.example");
        }
        return domain;
    }
}
