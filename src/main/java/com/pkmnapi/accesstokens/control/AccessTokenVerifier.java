package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.Metrics;
import io.micrometer.core.instrument.Counter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Checks bearer tokens: the token that stands for a live access token, or a refusal. Looks tokens
 * up through the {@link TokenCache}, and records their use at most once per
 * {@code pkmnapi.last.used.resolution.seconds}, so that a busy token costs neither a query nor a
 * write on every request. Each look-up counts as a cache hit or miss
 * ({@code pkmnapi_token_cache_lookups_total{result}}); a token of a client past its failed-check
 * limit that is not cached is first looked for in {@link LiveDigests}, and where it cannot be a
 * stored token's, refused without a query ({@code result="not_stored"}).
 */
@ApplicationScoped
public class AccessTokenVerifier {

    @Inject
    TokenManager tokens;

    @Inject
    TokenCache cache;

    @Inject
    TokenPolicy policy;

    @Inject
    Clock clock;

    @Inject
    Metrics metrics;

    @Inject
    LiveDigests liveDigests;

    private Counter hits;
    private Counter misses;
    private Counter notStored;

    @PostConstruct
    void registerMeters() {
        hits = metrics.registry().counter("pkmnapi.token.cache.lookups", "result", "hit");
        misses = metrics.registry().counter("pkmnapi.token.cache.lookups", "result", "miss");
        notStored = metrics.registry().counter("pkmnapi.token.cache.lookups", "result", "not_stored");
    }

    /**
     * @param token a bearer token whose format and checksum the caller has checked
     * @param overLimit whether the client is past its failed-check limit, asked only where the
     *        token is not cached: then a token that cannot be stored is refused without a query
     * @throws InvalidAccessToken if it stands for no live token
     */
    public VerifiedToken verify(String token, BooleanSupplier overLimit) {
        String digest = Secrets.digest(token);
        Instant now = clock.instant();
        Optional<VerifiedToken> cached = cache.get(digest, now);
        if (cached.isEmpty() && overLimit.getAsBoolean() && !liveDigests.mightBeStored(digest)) {
            notStored.increment();
            throw new InvalidAccessToken("Invalid access token", TokenOutcome.INVALID);
        }
        (cached.isPresent() ? hits : misses).increment();
        VerifiedToken verified = cached.orElseGet(() -> lookUp(digest, now));
        if (verified.isExpired(now, policy.tokenLifetime(), policy.unusedLifetime())) {
            cache.forget(digest);
            throw new InvalidAccessToken("Expired access token", TokenOutcome.EXPIRED);
        }
        if (verified.isUseDue(now, policy.lastUsedResolution())) {
            tokens.recordUse(verified.id(), now, policy.lastUsedResolution());
            verified = verified.usedAt(now);
            cache.update(digest, verified);
        }
        return verified;
    }

    private VerifiedToken lookUp(String digest, Instant now) {
        long generation = cache.generation();
        VerifiedToken found = tokens.find(digest).orElseThrow(() -> new InvalidAccessToken("Invalid access token", TokenOutcome.INVALID));
        cache.put(digest, found, now, generation);
        return found;
    }
}
