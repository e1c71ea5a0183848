package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"ci", "deploy bot", " leading space", "Déploiement", "夜間バッチ", "🚀 rocket", "a-b_c.d/e:f",
            "x\u00A0y", "Ünïcödé with marks e\u0301"})
    void takesPrintableCharactersOfAnyScript(String value) {
        assertTrue(TokenName.isValid(value), value);
        assertEquals(value, new TokenName(value).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "line\nbreak", "cr\rhere", "nul\u0000", "del\u007F", "bidi\u202Eoverride",
            "zero\u200Bwidth", "bom\uFEFF", "line\u2028separator", "para\u2029separator", "private\uE000use",
            "lone\uD800surrogate", "unassigned\u0378"})
    void refusesBlanksControlsFormatsAndWhatIsNotACharacter(String value) {
        assertFalse(TokenName.isValid(value), value);
        assertThrows(InvalidTokenName.class, () -> new TokenName(value));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertTrue(TokenName.isValid("🚀".repeat(64)), "64 characters of two UTF-16 units each");
        assertFalse(TokenName.isValid("🚀".repeat(65)));
        assertTrue(TokenName.isValid("x".repeat(64)));
        assertFalse(TokenName.isValid("x".repeat(65)));
    }

    @Test
    void nullIsNoName() {
        assertFalse(TokenName.isValid(null));
    }

    @Test
    void theRefusalNeverRepeatsTheValue() {
        InvalidTokenName refusal = assertThrows(InvalidTokenName.class, () -> new TokenName("secret\nvalue"));
        assertEquals("Invalid token name: it must be 1 to 64 printable characters", refusal.getMessage());
    }
}
