package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The tokens this server has looked up recently, by digest, for {@code pkmnapi.token.cache.seconds}:
 * a busy service checking the same token does not cost a database query each time. Revoking a
 * token here forgets it at once (and again when the revoking transaction ends, in case a check
 * cached it in between); only a revocation on another server of a cluster can lag, by at most
 * the cache time.
 */
@ApplicationScoped
public class TokenCache {

    private static final int SWEEP_ABOVE = 10_000;

    @Inject
    Settings settings;

    private Duration timeToLive;
    private final ConcurrentMap<String, Entry> byDigest = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

    @PostConstruct
    void configure() {
        timeToLive = settings.tokenCacheTime();
    }

    Optional<VerifiedToken> get(String digest, Instant now) {
        Entry entry = byDigest.get(digest);
        return entry == null || entry.isStale(now) ? Optional.empty() : Optional.of(entry.token());
    }

    /** Remembers a token looked up at {@code lookedUp}. */
    void put(String digest, VerifiedToken token, Instant lookedUp) {
        if (timeToLive.isZero()) {
            return;
        }
        byDigest.put(digest, new Entry(token, lookedUp.plus(timeToLive)));
        // stale entries go once the cache is large, at most once a second: not a scan per look-up
        if (byDigest.size() > SWEEP_ABOVE && !lookedUp.isBefore(nextSweep)) {
            nextSweep = lookedUp.plusSeconds(1);
            byDigest.values().removeIf(entry -> entry.isStale(lookedUp));
        }
    }

    /** Keeps the lookup time of an entry but updates what it knows, such as the last use. */
    void update(String digest, VerifiedToken token) {
        byDigest.computeIfPresent(digest, (key, entry) -> new Entry(token, entry.staleAt()));
    }

    void forget(String digest) {
        byDigest.remove(digest);
    }

    void forgetAddress(String normalizedAddress) {
        byDigest.values().removeIf(entry -> entry.token().emailAddress().equals(normalizedAddress));
    }

    void forgetId(String tokenId) {
        byDigest.values().removeIf(entry -> entry.token().id().equals(tokenId));
    }

    private record Entry(VerifiedToken token, Instant staleAt) {

        boolean isStale(Instant now) {
            return !now.isBefore(staleAt);
        }
    }
}
