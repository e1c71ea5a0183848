package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int PREFIX = "pkmn_at_".length();
    private static final int RANDOM_END = PREFIX + 43;

    @Test
    void newTokenIsPrefixThen43RandomAnd6ChecksumBase62Characters() {
        String token = Secrets.newToken();

        assertEquals(8 + 43 + 6, token.length());
        assertEquals(Secrets.TOKEN_LENGTH, token.length());
        assertTrue(token.startsWith("pkmn_at_"), token);
        assertTrue(token.substring(PREFIX).matches("[0-9A-Za-z]{49}"), token);
    }

    @Test
    void newTokenChecksumIsTheCrc32OfEverythingBeforeItInBase62() {
        for (int i = 0; i < 100; i++) {
            String token = Secrets.newToken();
            CRC32 crc = new CRC32();
            crc.update(token.substring(0, RANDOM_END).getBytes(StandardCharsets.US_ASCII));

            assertEquals(crc.getValue(), base62Value(token.substring(RANDOM_END)), token);
        }
    }

    @Test
    void newTokenIsWellFormed() {
        for (int i = 0; i < 1000; i++) {
            String token = Secrets.newToken();
            assertTrue(Secrets.isWellFormedToken(token), token);
        }
    }

    @Test
    void newTokensAreAllDistinct() {
        assertAllDistinct(Secrets::newToken, 10_000);
    }

    @Test
    void newTokenRandomPartUsesTheWholeBase62AlphabetEvenly() {
        assertEvenlyDistributed(() -> Secrets.newToken().substring(PREFIX, RANDOM_END), 2_000);
    }

    @Test
    void isWellFormedTokenRefusesNullAndEmpty() {
        assertFalse(Secrets.isWellFormedToken(null));
        assertFalse(Secrets.isWellFormedToken(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkmn_rt_", "PKMN_AT_", "ghp_at__", "pkmnat__", "xpkmn_at"})
    void isWellFormedTokenRefusesAnotherPrefixEvenWithAMatchingChecksum(String prefix) {
        String body = prefix + Secrets.newToken().substring(PREFIX, RANDOM_END);

        assertFalse(Secrets.isWellFormedToken(body + Secrets.checksum(body)));
    }

    @Test
    void isWellFormedTokenRefusesTheWrongLength() {
        String token = Secrets.newToken();
        String shortBody = token.substring(0, RANDOM_END - 1);
        String longBody = token.substring(0, RANDOM_END) + "A";

        assertAll(
                () -> assertFalse(Secrets.isWellFormedToken(token.substring(0, token.length() - 1))),
                () -> assertFalse(Secrets.isWellFormedToken(token + "A")),
                () -> assertFalse(Secrets.isWellFormedToken(token + token)),
                () -> assertFalse(Secrets.isWellFormedToken("pkmn_at_")),
                () -> assertFalse(Secrets.isWellFormedToken(shortBody + Secrets.checksum(shortBody))),
                () -> assertFalse(Secrets.isWellFormedToken(longBody + Secrets.checksum(longBody))));
    }

    @Test
    void isWellFormedTokenRefusesEverySingleChangedCharacterInTheRandomPartOrTheChecksum() {
        String token = Secrets.newToken();
        for (int position = PREFIX; position < token.length(); position++) {
            for (char replacement : BASE62.toCharArray()) {
                if (replacement == token.charAt(position)) {
                    continue;
                }
                String changed = token.substring(0, position) + replacement + token.substring(position + 1);
                assertFalse(Secrets.isWellFormedToken(changed), "changed at " + position + ": " + changed);
            }
        }
    }

    @Test
    void isWellFormedTokenRefusesTwoSwappedNeighbours() {
        String token = Secrets.newToken();
        for (int position = PREFIX; position < RANDOM_END - 1; position++) {
            if (token.charAt(position) == token.charAt(position + 1)) {
                continue;
            }
            String swapped = token.substring(0, position) + token.charAt(position + 1) + token.charAt(position)
                    + token.substring(position + 2);
            assertFalse(Secrets.isWellFormedToken(swapped), swapped);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "_", "+", "/", "=", ".", " ", "%", "é", "\u0000"})
    void isWellFormedTokenRefusesNonBase62CharactersEvenWithAMatchingChecksum(String character) {
        String body = Secrets.newToken().substring(0, RANDOM_END - 1) + character;

        assertFalse(Secrets.isWellFormedToken(body + Secrets.checksum(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "_", "=", " ", "é"})
    void isWellFormedTokenRefusesNonBase62CharactersInTheChecksum(String character) {
        String token = Secrets.newToken();

        assertFalse(Secrets.isWellFormedToken(token.substring(0, token.length() - 1) + character));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", "\r\n", "\t"})
    void isWellFormedTokenRefusesSurroundingWhitespace(String whitespace) {
        String token = Secrets.newToken();

        assertFalse(Secrets.isWellFormedToken(token + whitespace));
        assertFalse(Secrets.isWellFormedToken(whitespace + token));
    }

    @Test
    void digestIsTheSha256TestVectorOfAbc() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.digest("abc"));
    }

    @Test
    void digestMatchesTheOtherSha256TestVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Secrets.digest(""));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                Secrets.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }

    @Test
    void digestIs64LowercaseHexCharacters() {
        String digest = Secrets.digest(Secrets.newToken());

        assertTrue(digest.matches("[0-9a-f]{64}"), digest);
    }

    @Test
    void digestDiffersForTokensThatDifferInCaseOnly() {
        String token = Secrets.newToken();

        assertFalse(Secrets.digest(token).equals(Secrets.digest(token.toUpperCase())));
    }

    @Test
    void newDeletionCodeIs22Base62Characters() {
        for (int i = 0; i < 100; i++) {
            String code = Secrets.newDeletionCode();
            assertTrue(code.matches("[0-9A-Za-z]{22}"), code);
        }
    }

    @Test
    void newDeletionCodesAreAllDistinct() {
        assertAllDistinct(Secrets::newDeletionCode, 10_000);
    }

    @Test
    void newDeletionCodeUsesTheWholeBase62AlphabetEvenly() {
        assertEvenlyDistributed(Secrets::newDeletionCode, 4_000);
    }

    @Test
    void newDeletionCodeIsNotAWellFormedToken() {
        assertFalse(Secrets.isWellFormedToken(Secrets.newDeletionCode()));
    }

    private static void assertAllDistinct(Supplier<String> secrets, int count) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String secret = secrets.get();
            assertTrue(seen.add(secret), "repeated: " + secret);
        }
    }

    /** Each character within a quarter of its expected count: about ten standard deviations. */
    private static void assertEvenlyDistributed(Supplier<String> secrets, int samples) {
        int[] counts = new int[BASE62.length()];
        long total = 0;
        for (int i = 0; i < samples; i++) {
            for (char c : secrets.get().toCharArray()) {
                counts[BASE62.indexOf(c)]++;
                total++;
            }
        }
        double expected = (double) total / BASE62.length();
        for (int i = 0; i < counts.length; i++) {
            assertTrue(Math.abs(counts[i] - expected) < expected / 4,
                    "'" + BASE62.charAt(i) + "' appeared " + counts[i] + " times, expected about " + (long) expected);
        }
    }

    private static long base62Value(String digits) {
        long value = 0;
        for (char c : digits.toCharArray()) {
            value = value * 62 + BASE62.indexOf(c);
        }
        return value;
    }
}
