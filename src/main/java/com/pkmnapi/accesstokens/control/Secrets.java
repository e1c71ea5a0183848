package com.pkmnapi.accesstokens.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The format of the secrets the service mails out.
 *
 * <p>An access token is {@value #TOKEN_PREFIX}, 43 random base62 characters (256 bits from
 * {@link SecureRandom}) and 6 base62 characters of the CRC32 of everything before them, for example
 * {@code pkmn_at_0c1XKdBd...Qz3sV1}. The prefix lets secret scanners find leaked tokens; the checksum
 * lets a service refuse a mistyped or made-up token without a database lookup.
 *
 * <p>A deletion code is 22 random base62 characters (131 bits). Both are stored only as the hex
 * SHA-256 {@link #digest(String)}.
 */
public final class Secrets {

    public static final String TOKEN_PREFIX = "pkmn_at_";
    static final int TOKEN_RANDOM_LENGTH = 43;
    static final int CHECKSUM_LENGTH = 6;
    public static final int TOKEN_LENGTH = TOKEN_PREFIX.length() + TOKEN_RANDOM_LENGTH + CHECKSUM_LENGTH;
    static final int CODE_LENGTH = 22;

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String newToken() {
        String body = TOKEN_PREFIX + randomBase62(TOKEN_RANDOM_LENGTH);
        return body + checksum(body);
    }

    public static String newDeletionCode() {
        return randomBase62(CODE_LENGTH);
    }

    /** True for a string of the token format whose checksum matches: no database needed. */
    public static boolean isWellFormedToken(String candidate) {
        if (candidate == null || candidate.length() != TOKEN_LENGTH || !candidate.startsWith(TOKEN_PREFIX)) {
            return false;
        }
        for (int i = TOKEN_PREFIX.length(); i < TOKEN_LENGTH; i++) {
            if (base62Value(candidate.charAt(i)) < 0) {
                return false;
            }
        }
        int split = TOKEN_LENGTH - CHECKSUM_LENGTH;
        return checksum(candidate.substring(0, split)).equals(candidate.substring(split));
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes: the only form in which secrets are stored. */
    public static String digest(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62[(int) (value % 62)];
            value /= 62;
        }
        return new String(digits);
    }

    private static String randomBase62(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(chars);
    }

    private static int base62Value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }
}
