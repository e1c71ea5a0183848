package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final VerifiedToken ALICE = new VerifiedToken("id-a", "alice@example.com", null, T0, null, null);
    private static final VerifiedToken ALICE_TOO = new VerifiedToken("id-a2", "alice@example.com", null, T0, null, null);
    private static final VerifiedToken BOB = new VerifiedToken("id-b", "bob@example.com", null, T0, null, null);

    @Test
    void keepsATokenForTheCacheTimeAndNotAMoment() {
        TokenCache cache = cacheOf("5");
        cache.put("digest-a", ALICE, T0, cache.generation());

        assertEquals(Optional.of(ALICE), cache.get("digest-a", T0.plusSeconds(4)));
        assertEquals(Optional.of(ALICE), cache.get("digest-a", T0.plusSeconds(5).minusNanos(1)));
        assertEquals(Optional.empty(), cache.get("digest-a", T0.plusSeconds(5)));
        assertEquals(Optional.empty(), cache.get("other", T0));
    }

    @Test
    void keepsNothingWhenTheCacheTimeIsZero() {
        TokenCache cache = cacheOf("0");
        cache.put("digest-a", ALICE, T0, cache.generation());

        assertEquals(Optional.empty(), cache.get("digest-a", T0));
    }

    @Test
    void forgetsEveryTokenOfARevokedAddressAndOnlyThose() {
        TokenCache cache = cacheOf("5");
        cache.put("digest-a", ALICE, T0, cache.generation());
        cache.put("digest-a2", ALICE_TOO, T0, cache.generation());
        cache.put("digest-b", BOB, T0, cache.generation());

        cache.revoked(TokensRevoked.allOf("alice@example.com"));

        assertEquals(Optional.empty(), cache.get("digest-a", T0));
        assertEquals(Optional.empty(), cache.get("digest-a2", T0));
        assertEquals(Optional.of(BOB), cache.get("digest-b", T0));
    }

    @Test
    void forgetsOneRevokedTokenById() {
        TokenCache cache = cacheOf("5");
        cache.put("digest-a", ALICE, T0, cache.generation());
        cache.put("digest-a2", ALICE_TOO, T0, cache.generation());

        cache.revoked(TokensRevoked.one("id-a"));

        assertEquals(Optional.empty(), cache.get("digest-a", T0));
        assertEquals(Optional.of(ALICE_TOO), cache.get("digest-a2", T0));
    }

    @Test
    void anUpdateKeepsTheTimeOfTheLookUp() {
        TokenCache cache = cacheOf("5");
        cache.put("digest-a", ALICE, T0, cache.generation());
        VerifiedToken used = ALICE.usedAt(T0.plusSeconds(3));

        cache.update("digest-a", used);

        assertEquals(Optional.of(used), cache.get("digest-a", T0.plusSeconds(4)));
        assertTrue(cache.get("digest-a", T0.plusSeconds(5)).isEmpty(), "still stale 5 s after the look-up");
    }

    @Test
    void anUpdateDoesNotBringBackAForgottenToken() {
        TokenCache cache = cacheOf("5");
        cache.put("digest-a", ALICE, T0, cache.generation());
        cache.revoked(TokensRevoked.one("id-a"));

        cache.update("digest-a", ALICE.usedAt(T0));

        assertEquals(Optional.empty(), cache.get("digest-a", T0));
    }

    @Test
    void aLookUpThatBeganBeforeARevocationDoesNotPutTheTokenBack() {
        TokenCache cache = cacheOf("5");
        // a check reads the generation, then the row, which is still there...
        long before = cache.generation();
        // ...the revocation commits and its observer runs...
        cache.revoked(TokensRevoked.one("id-a"));
        // ...and only then does the check come to cache what it read
        cache.put("digest-a", ALICE, T0, before);

        assertEquals(Optional.empty(), cache.get("digest-a", T0));
    }

    @Test
    void aRevocationOfAnotherAddressAlsoKeepsAnOlderLookUpOut() {
        TokenCache cache = cacheOf("5");
        long before = cache.generation();
        cache.revoked(TokensRevoked.allOf("bob@example.com"));
        cache.put("digest-a", ALICE, T0, before);
        assertEquals(Optional.empty(), cache.get("digest-a", T0), "not cached: it is looked up again next time");

        cache.put("digest-a", ALICE, T0, cache.generation());
        assertEquals(Optional.of(ALICE), cache.get("digest-a", T0));
    }

    @Test
    void duringAnOutageATokenCachedWhenTheDatabaseWasLastReachedIsTrustedForTheStaleTimeAfterItsCacheTime() {
        TokenCache cache = cacheOf("5", "300");
        cache.put("digest-a", ALICE, T0, cache.generation());
        Instant reached = T0.plusSeconds(3);

        assertEquals(Optional.empty(), cache.get("digest-a", T0.plusSeconds(6)), "not fresh any more");
        assertEquals(Optional.of(ALICE), cache.duringOutage("digest-a", T0.plusSeconds(6), reached));
        assertEquals(Optional.of(ALICE), cache.duringOutage("digest-a", T0.plusSeconds(305).minusNanos(1), reached));
        assertEquals(Optional.empty(), cache.duringOutage("digest-a", T0.plusSeconds(305), reached), "past the stale time");
        assertEquals(Optional.empty(), cache.duringOutage("other", T0.plusSeconds(6), reached));
    }

    @Test
    void duringAnOutageATokenWhoseCacheTimeHadEndedWhenTheDatabaseWasLastReachedIsNotTrusted() {
        TokenCache cache = cacheOf("5", "300");
        cache.put("digest-a", ALICE, T0, cache.generation());

        assertEquals(Optional.empty(), cache.duringOutage("digest-a", T0.plusSeconds(6), T0.plusSeconds(5)));
    }

    @Test
    void duringAnOutageARevokedTokenIsNotTrustedAndAStaleTimeOfZeroTrustsNone() {
        TokenCache cache = cacheOf("5", "300");
        cache.put("digest-a", ALICE, T0, cache.generation());
        cache.revoked(TokensRevoked.one("id-a"));
        assertEquals(Optional.empty(), cache.duringOutage("digest-a", T0.plusSeconds(1), T0));

        TokenCache off = cacheOf("5", "0");
        off.put("digest-a", ALICE, T0, off.generation());
        assertEquals(Optional.empty(), off.duringOutage("digest-a", T0.plusSeconds(6), T0.plusSeconds(1)));
    }

    private static TokenCache cacheOf(String seconds) {
        return cacheOf(seconds, "300");
    }

    private static TokenCache cacheOf(String seconds, String staleSeconds) {
        TokenCache cache = new TokenCache();
        cache.policy = TokenPolicy.from(TestConfig.of(Map.of(TokenPolicy.TOKEN_CACHE_SECONDS, seconds,
                TokenPolicy.TOKEN_STALE_IF_ERROR_SECONDS, staleSeconds)));
        cache.configure();
        return cache;
    }
}
