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
 * in an earlier generation is not kept. A revocation on another server of a cluster reaches it
 * through the {@link RevocationLog}, within {@code pkmnapi.revocation.delay.millis}.
 *
 * <p>While the database cannot be reached, a token that was within its cache time when this server
 * last reached the database goes on being accepted for {@code pkmnapi.token.stale.if.error.seconds}
 * after its cache time (as HTTP caches serve {@code stale-if-error}), so that a database restart
 * does not log every user out: no revocation can be recorded meanwhile, and one recorded here
 * before is forgotten as always. Entries are kept that much longer for it.
 */
@ApplicationScoped
public class TokenCache {

    private static final int SWEEP_ABOVE = 10_000;

    @Inject
    TokenPolicy policy;

    private Duration timeToLive;
    private Duration staleIfError;
    private final ConcurrentMap<String, Entry> byDigest = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;
    private final AtomicLong generation = new AtomicLong();

    @PostConstruct
    void configure() {
        timeToLive = policy.cacheTime();
        staleIfError = policy.staleIfError();
    }

    Optional<VerifiedToken> get(String digest, Instant now) {
        Entry entry = byDigest.get(digest);
        return entry == null || entry.isStale(now) ? Optional.empty() : Optional.of(entry.token());
    }

    /**
     * The token, where it was within its cache time when the database was last reached
     * ({@code lastReached}) and it is no later than {@code pkmnapi.token.stale.if.error.seconds}
     * after that cache time.
     */
    Optional<VerifiedToken> duringOutage(String digest, Instant now, Instant lastReached) {
        Entry entry = byDigest.get(digest);
        return entry != null && entry.staleAt().isAfter(lastReached) && !entry.isGone(now, staleIfError)
                ? Optional.of(entry.token())
                : Optional.empty();
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
            byDigest.values().removeIf(entry -> entry.isGone(lookedUp, staleIfError));
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

        /** Past its use during an outage too. */
        boolean isGone(Instant now, Duration staleIfError) {
            return !now.isBefore(staleAt.plus(staleIfError));
        }
    }
}
