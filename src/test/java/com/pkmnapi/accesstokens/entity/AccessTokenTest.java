package com.pkmnapi.accesstokens.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final String ADDRESS = "you@example.com";
    private static final String DIGEST = Secrets.digest("pkmn_at_example");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration RESOLUTION = Duration.ofSeconds(60);
    private static final Optional<Duration> NO_LIFETIME = Optional.empty();
    /** An unused lifetime too long to matter, for the tests of the other rules. */
    private static final Duration UNUSED_FOR_AGES = Duration.ofDays(365L * 1000);

    private final AccessToken forever = new AccessToken(ADDRESS, DIGEST, T0, null, null);

    @Test
    void keepsItsValues() {
        Instant expires = T0.plus(Duration.ofDays(30));
        AccessToken token = new AccessToken(ADDRESS, DIGEST, T0, expires, null);

        assertEquals(ADDRESS, token.emailAddress());
        assertEquals(DIGEST, token.digest());
        assertEquals(T0, token.created());
        assertEquals(expires, token.expires());
        assertNull(token.lastUsed());
        assertNull(forever.expires());
    }

    @Test
    void keepsItsTimesToTheNanosecond() {
        Instant created = Instant.parse("2025-03-01T12:00:00.123456789Z");
        Instant expires = Instant.parse("2025-03-31T12:00:00.000000001Z");

        AccessToken token = new AccessToken(ADDRESS, DIGEST, created, expires, null);

        assertEquals(created, token.created());
        assertEquals(expires, token.expires());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "not a digest",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
            "0123456789abcdeg0123456789abcdef0123456789abcdef0123456789abcdef",
            " 123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n",
            "pkmn_at_example"})
    void constructorRefusesADigestThatIsNot64LowercaseHexDigits(String digest) {
        assertThrows(IllegalArgumentException.class, () -> new AccessToken(ADDRESS, digest, T0, null, null));
    }

    @Test
    void constructorAcceptsA64LowercaseHexDigest() {
        String digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        assertEquals(digest, new AccessToken(ADDRESS, digest, T0, null, null).digest());
    }

    @Test
    void constructorRefusesAMissingAddressOrCreationTime() {
        assertThrows(NullPointerException.class, () -> new AccessToken(null, DIGEST, T0, null, null));
        assertThrows(NullPointerException.class, () -> new AccessToken(ADDRESS, DIGEST, null, null, null));
    }

    @Test
    void idIsARandomUuid() {
        UUID id = UUID.fromString(forever.id());

        assertEquals(forever.id(), id.toString());
        assertEquals(4, id.version());
    }

    @Test
    void idDiffersForEveryToken() {
        AccessToken twin = new AccessToken(ADDRESS, DIGEST, T0, null, null);

        assertNotEquals(forever.id(), twin.id());
    }

    @Test
    void isExpiredNeverWithoutExpiryOrLifetime() {
        assertFalse(forever.isExpired(T0, NO_LIFETIME, UNUSED_FOR_AGES));
        assertFalse(forever.isExpired(T0.plus(Duration.ofDays(365 * 100)), NO_LIFETIME, UNUSED_FOR_AGES));
    }

    @Test
    void isExpiredAtAndAfterItsOwnExpiryButNotBefore() {
        AccessToken token = new AccessToken(ADDRESS, DIGEST, T0, T0.plus(LIFETIME), null);

        assertFalse(token.isExpired(T0, NO_LIFETIME, UNUSED_FOR_AGES));
        assertFalse(token.isExpired(T0.plus(LIFETIME).minusNanos(1), NO_LIFETIME, UNUSED_FOR_AGES));
        assertTrue(token.isExpired(T0.plus(LIFETIME), NO_LIFETIME, UNUSED_FOR_AGES));
        assertTrue(token.isExpired(T0.plus(LIFETIME).plusNanos(1), NO_LIFETIME, UNUSED_FOR_AGES));
        assertTrue(token.isExpired(T0.plus(Duration.ofDays(30)), NO_LIFETIME, UNUSED_FOR_AGES));
    }

    @Test
    void isExpiredAtAndAfterTheMaximumLifetimeButNotBefore() {
        Optional<Duration> lifetime = Optional.of(LIFETIME);

        assertFalse(forever.isExpired(T0, lifetime, UNUSED_FOR_AGES));
        assertFalse(forever.isExpired(T0.plus(LIFETIME).minusNanos(1), lifetime, UNUSED_FOR_AGES));
        assertTrue(forever.isExpired(T0.plus(LIFETIME), lifetime, UNUSED_FOR_AGES));
        assertTrue(forever.isExpired(T0.plus(LIFETIME).plusNanos(1), lifetime, UNUSED_FOR_AGES));
        assertTrue(forever.isExpired(T0.plus(Duration.ofDays(30)), lifetime, UNUSED_FOR_AGES));
    }

    @Test
    void isExpiredAppliesALifetimeSetAfterTheTokenWasIssued() {
        Instant twoHoursLater = T0.plus(Duration.ofHours(2));
        assertFalse(forever.isExpired(twoHoursLater, NO_LIFETIME, UNUSED_FOR_AGES));

        assertTrue(forever.isExpired(twoHoursLater, Optional.of(LIFETIME), UNUSED_FOR_AGES));
    }

    @Test
    void isExpiredByAShorterLifetimeSetAfterTheTokenWasIssuedWithALaterExpiry() {
        AccessToken token = new AccessToken(ADDRESS, DIGEST, T0, T0.plus(Duration.ofDays(30)), null);

        assertFalse(token.isExpired(T0.plus(LIFETIME).minusNanos(1), Optional.of(LIFETIME), UNUSED_FOR_AGES));
        assertTrue(token.isExpired(T0.plus(LIFETIME), Optional.of(LIFETIME), UNUSED_FOR_AGES));
    }

    @Test
    void isExpiredAtItsOwnExpiryWhenThatComesBeforeTheLifetime() {
        AccessToken token = new AccessToken(ADDRESS, DIGEST, T0, T0.plusSeconds(600), null);

        assertFalse(token.isExpired(T0.plusSeconds(600).minusNanos(1), Optional.of(LIFETIME), UNUSED_FOR_AGES));
        assertTrue(token.isExpired(T0.plusSeconds(600), Optional.of(LIFETIME), UNUSED_FOR_AGES));
    }

    @Test
    void isExpiredCountsTheLifetimeFromCreationTimeWithItsNanoseconds() {
        Instant created = Instant.parse("2025-03-01T12:00:00.000000500Z");
        AccessToken token = new AccessToken(ADDRESS, DIGEST, created, null, null);

        assertFalse(token.isExpired(created.plus(LIFETIME).minusNanos(1), Optional.of(LIFETIME), UNUSED_FOR_AGES));
        assertTrue(token.isExpired(created.plus(LIFETIME), Optional.of(LIFETIME), UNUSED_FOR_AGES));
    }

    @Test
    void aFirstUseIsAlwaysDue() {
        assertTrue(AccessToken.isUseDue(null, T0, RESOLUTION));
    }

    @Test
    void aUseWithinTheResolutionOfTheLastRecordedOneIsNotDue() {
        assertFalse(AccessToken.isUseDue(T0, T0, RESOLUTION));
        assertFalse(AccessToken.isUseDue(T0, T0.plusSeconds(1), RESOLUTION));
        assertFalse(AccessToken.isUseDue(T0, T0.plus(RESOLUTION).minusNanos(1), RESOLUTION));
    }

    @Test
    void aUseExactlyOneResolutionAfterTheLastRecordedOneIsDue() {
        assertTrue(AccessToken.isUseDue(T0, T0.plus(RESOLUTION), RESOLUTION));
        assertTrue(AccessToken.isUseDue(T0, T0.plus(RESOLUTION).plusSeconds(30), RESOLUTION));
    }

    @Test
    void everyUseIsDueWithAZeroResolution() {
        assertTrue(AccessToken.isUseDue(T0, T0, Duration.ZERO));
        assertTrue(AccessToken.isUseDue(T0, T0.plusNanos(1), Duration.ZERO));
    }

    @Test
    void aTokenNeverUsedExpiresAtTheEndOfItsUnusedLifetime() {
        Duration unused = Duration.ofDays(7);

        assertFalse(AccessToken.isExpired(T0, null, null, T0.plus(unused).minusNanos(1), NO_LIFETIME, unused));
        assertTrue(AccessToken.isExpired(T0, null, null, T0.plus(unused), NO_LIFETIME, unused));
        assertTrue(forever.isExpired(T0.plus(unused), NO_LIFETIME, unused), "a new token has never been used");
    }

    @Test
    void aTokenUsedOnceIsNotBoundByTheUnusedLifetime() {
        Duration unused = Duration.ofDays(7);

        assertFalse(AccessToken.isExpired(T0, null, T0.plusSeconds(60), T0.plus(Duration.ofDays(365)), NO_LIFETIME, unused));
    }
}
