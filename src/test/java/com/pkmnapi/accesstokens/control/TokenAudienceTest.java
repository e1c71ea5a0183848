package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenAudienceTest {

    @Test
    void servicesKeepTheirOrderOnceEachAndAreStoredSpaceSeparated() {
        TokenAudience audience = new TokenAudience(List.of("wiki", "ci.corp-1", "wiki", "0"));
        assertEquals(List.of("wiki", "ci.corp-1", "0"), audience.services());
        assertEquals("wiki ci.corp-1 0", TokenAudience.stored(Optional.of(audience)));
        assertEquals(audience.services(), TokenAudience.fromStored("wiki ci.corp-1 0"));
        assertNull(TokenAudience.stored(Optional.empty()));
        assertEquals(List.of(), TokenAudience.fromStored(null));
    }

    @Test
    void tenServicesAndSixtyThreeCharactersAreTheMost() {
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add("s" + i);
        }
        assertEquals(10, new TokenAudience(ten).services().size());
        ten.add("s10");
        assertThrows(InvalidAudience.class, () -> new TokenAudience(ten));
        assertEquals(63, new TokenAudience(List.of("a".repeat(63))).services().get(0).length());
        assertThrows(InvalidAudience.class, () -> new TokenAudience(List.of("a".repeat(64))));
        assertThrows(InvalidAudience.class, () -> new TokenAudience(List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Wiki", "-wiki", ".wiki", "wi ki", "wiki\n", "wiki_1", "wíki", "wiki/x"})
    void namesOutsideTheAlphabetAreRefused(String name) {
        assertFalse(TokenAudience.isServiceName(name));
        assertThrows(InvalidAudience.class, () -> new TokenAudience(List.of("ok", name)));
    }

    @Test
    void aNullNameIsRefused() {
        assertThrows(InvalidAudience.class, () -> new TokenAudience(Arrays.asList("ok", null)));
    }

    @Test
    void aBoundTokenIsForItsServicesOnlyAndAnUnboundOneForAny() {
        Instant t = Instant.parse("2026-12-08T00:00:00Z");
        VerifiedToken bound = new VerifiedToken("id", "a@example.com", null, t, null, null, List.of("wiki", "ci"));
        VerifiedToken unbound = new VerifiedToken("id", "a@example.com", null, t, null, null);
        assertTrue(bound.isBound() && bound.isFor("wiki") && bound.isFor("ci"));
        assertFalse(bound.isFor("other") || bound.isFor(null) || bound.isFor(""));
        assertFalse(unbound.isBound());
        assertTrue(unbound.isFor("anything") && unbound.isFor(null));
        assertEquals(bound.audience(), bound.usedAt(t.plusSeconds(60)).audience(), "a use keeps the audience");
    }
}
