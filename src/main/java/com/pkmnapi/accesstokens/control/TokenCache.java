package com.pkmnapi.accesstokens.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tokens this server has looked up recently, by digest, for {@code pkmnapi.token.cache.seconds}:
 * a busy service checking the same token does not cost a database query each time. A token revoked
 * here is forgotten as soon as the revocation has committed, and a look-up that began before
 * then cannot put it back: each revocation moves the cache to a new generation, and a token read
 * in an earlier generation is not kept. Only a revocation on another server of a cluster can lag,
 * by at most the cache time.
 */
@ApplicationScoped
public class TokenCache {

    private static final int SWEEP_ABOVE = 10_000;

    @Inject
    TokenPolicy policy;

    private Duration timeToLive;
    private final ConcurrentMap<String, Entry> byDigest = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;
    private final AtomicLong generation = new AtomicLong();

    @PostConstruct
    void configure() {
        timeToLive = policy.cacheTime();
    }

    Optional<VerifiedToken> get(String digest, Instant now) {
        Entry entry = byDigest.get(digest);
        return entry == null || entry.isStale(now) ? Optional.empty() : Optional.of(entry.token());
    }

    /** The current generation: read it before a look-up, and hand it to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /**
     * Remembers a token looked up at {@code lookedUp}, unless a revocation has committed since the
     * look-up began (in {@code generationBefore}): the token read may be one it revoked.
     */
    void put(String digest, VerifiedToken token, Instant lookedUp, long generationBefore) {
        if (timeToLive.isZero() || generation.get() != generationBefore) {
            return;
        }
        byDigest.put(digest, new Entry(token, lookedUp.plus(timeToLive)));
        // a revocation between the check above and the put: it may have missed this entry
        if (generation.get() != generationBefore) {
            byDigest.remove(digest);
            return;
        }
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

    /** Forgets revoked tokens once the revocation has committed (at once where there is no transaction). */
    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensRevoked revoked) {
        generation.incrementAndGet();
        byDigest.values().removeIf(entry -> revoked.covers(entry.token()));
    }

    private record Entry(VerifiedToken token, Instant staleAt) {

        boolean isStale(Instant now) {
            return !now.isBefore(staleAt);
        }
    }
}
