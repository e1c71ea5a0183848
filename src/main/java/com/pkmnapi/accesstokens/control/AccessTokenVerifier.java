package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.DatabaseHealth;
import com.pkmnapi.platform.DatabaseUnavailable;
import com.pkmnapi.platform.Metrics;
import com.pkmnapi.platform.Refusal;
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
 * stored token's, refused without a query ({@code result="not_stored"}). A cached token is trusted
 * only once the {@link RevocationLog} has read the revocations of every server up to
 * {@code pkmnapi.revocation.delay.millis} ago. While the database cannot
 * be reached ({@link DatabaseHealth}), a token that was cached when it was last reached is accepted
 * as {@link TokenCache#duringOutage} says ({@code result="stale"}), its use is not recorded, and
 * any other is answered 503 at once, without waiting for the database.
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

    @Inject
    DatabaseHealth database;

    @Inject
    RevocationLog revocations;

    private Counter hits;
    private Counter misses;
    private Counter notStored;
    private Counter stale;

    @PostConstruct
    void registerMeters() {
        hits = metrics.registry().counter("pkmnapi.token.cache.lookups", "result", "hit");
        misses = metrics.registry().counter("pkmnapi.token.cache.lookups", "result", "miss");
        notStored = metrics.registry().counter("pkmnapi.token.cache.lookups", "result", "not_stored");
        stale = metrics.registry().counter("pkmnapi.token.cache.lookups", "result", "stale");
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
        if (cached.isPresent()) {
            // revoked on another server within the delay: forgotten by now
            revocations.catchUp(now);
            cached = cache.get(digest, now);
        }
        cached.ifPresent(found -> hits.increment());
        return checked(digest, cached.orElseGet(() -> notCached(digest, now, overLimit)), now);
    }

    /** The token found, unless it has expired meanwhile; its use recorded where one is due. */
    private VerifiedToken checked(String digest, VerifiedToken found, Instant now) {
        VerifiedToken verified = found;
        if (verified.isExpired(now, policy.tokenLifetime(), policy.unusedLifetime())) {
            cache.forget(digest);
            throw new InvalidAccessToken("Expired access token", TokenOutcome.EXPIRED);
        }
        if (verified.isUseDue(now, policy.lastUsedResolution()) && !database.isDown()) {
            try {
                tokens.recordUse(verified.id(), now, policy.lastUsedResolution());
                verified = verified.usedAt(now);
                cache.update(digest, verified);
            } catch (RuntimeException e) {
                // the check stands; the use is recorded by a later check, once the database is back
                if (!database.explains(e)) {
                    throw e;
                }
            }
        }
        return verified;
    }

    /**
     * As {@link #verify}, but from the database whether cached or not (the cache is updated): for
     * what the owner of a token does with the address's tokens, which a revocation on another
     * server must stop at once, not within the revocation delay. A client past its limit is
     * refused a token that cannot be stored without a query, as there.
     *
     * @throws com.pkmnapi.platform.DatabaseUnavailable while the database cannot be reached
     */
    public VerifiedToken verifyInDatabase(String token, BooleanSupplier overLimit) {
        String digest = Secrets.digest(token);
        Instant now = clock.instant();
        VerifiedToken found = whileReachable(digest, now, overLimit).orElseThrow(this::unavailable);
        return checked(digest, found, now);
    }

    /**
     * From the database, or while it is out of reach from what the cache still trusts (see
     * {@link TokenCache#duringOutage}); else 503.
     */
    private VerifiedToken notCached(String digest, Instant now, BooleanSupplier overLimit) {
        Optional<VerifiedToken> found = whileReachable(digest, now, overLimit);
        if (found.isPresent()) {
            return found.get();
        }
        Optional<VerifiedToken> trusted = cache.duringOutage(digest, now, database.lastReached());
        if (trusted.isPresent()) {
            stale.increment();
            return trusted.get();
        }
        throw unavailable();
    }

    /** From the database; empty where it is out of reach (known to be, or found to be now). */
    private Optional<VerifiedToken> whileReachable(String digest, Instant now, BooleanSupplier overLimit) {
        if (database.isDown()) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromDatabase(digest, now, overLimit));
        } catch (Refusal refusal) {
            throw refusal;
        } catch (RuntimeException e) {
            if (!database.explains(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** The 503 of a request that needs the database while it is out of reach, counted for the warning. */
    private DatabaseUnavailable unavailable() {
        database.refused();
        return new DatabaseUnavailable();
    }

    /** Looked up, unless a client past its limit sent a token that cannot be a stored one. */
    private VerifiedToken fromDatabase(String digest, Instant now, BooleanSupplier overLimit) {
        if (overLimit.getAsBoolean() && !liveDigests.mightBeStored(digest)) {
            notStored.increment();
            throw new InvalidAccessToken("Invalid access token", TokenOutcome.INVALID);
        }
        misses.increment();
        return lookUp(digest, now);
    }

    private VerifiedToken lookUp(String digest, Instant now) {
        long generation = cache.generation();
        Optional<VerifiedToken> stored = tokens.find(digest);
        database.reached(now);
        VerifiedToken found = stored.orElseThrow(() -> new InvalidAccessToken("Invalid access token", TokenOutcome.INVALID));
        cache.put(digest, found, now, generation);
        return found;
    }
}
