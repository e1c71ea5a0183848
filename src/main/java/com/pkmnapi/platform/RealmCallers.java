package com.pkmnapi.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Callers that the server's own security realm knows, by HTTP Basic (RFC 7617): a service's
 * credentials are checked by the realm the WAR declares (web.xml's {@code login-config}), the
 * server's file, application or LDAP realm, through {@link HttpServletRequest#login}, and a caller
 * counts only in the role asked for. No credential of our own is stored anywhere.
 *
 * <p>A realm's check is costly (a salted hash of many rounds, or a directory's bind), and a
 * gateway sends the same credentials with every request: a caller that passed is trusted for
 * {@code pkmnapi.realm.cache.seconds} without asking the realm again. What is kept is a salted
 * SHA-256 of name, password and role, never the password; a password changed or a user removed in
 * the realm takes effect within that time. Failed checks are never kept: the caller's client
 * address counts them towards its limit instead.
 */
@ApplicationScoped
public class RealmCallers {

    /** Callers kept at most; beyond them the cache starts again, at the cost of one realm check each. */
    static final int MAX_CACHED = 10_000;
    private static final String SCHEME = "basic ";

    @Inject
    EdgeSettings settings;

    @Inject
    Clock clock;

    private final ConcurrentMap<String, Instant> passed = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];

    @PostConstruct
    void start() {
        new SecureRandom().nextBytes(salt);
    }

    /**
     * The realm's name for the caller of this request, where its {@code Authorization: Basic}
     * credentials are the realm's and it is in {@code role}; else empty.
     */
    public Optional<String> authenticate(HttpServletRequest request, String role) {
        Optional<Credentials> credentials = Credentials.of(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        String name = credentials.get().name();
        String key = key(credentials.get(), role);
        Instant now = clock.instant();
        Instant until = passed.get(key);
        if (until != null && now.isBefore(until)) {
            return Optional.of(name);
        }
        if (!inRealm(request, credentials.get(), role)) {
            passed.remove(key);
            return Optional.empty();
        }
        Duration cacheTime = settings.realmCacheTime();
        if (!cacheTime.isZero()) {
            if (passed.size() >= MAX_CACHED) {
                passed.clear();
            }
            passed.put(key, now.plus(cacheTime));
        }
        return Optional.of(name);
    }

    private static boolean inRealm(HttpServletRequest request, Credentials credentials, String role) {
        if (request.getUserPrincipal() != null) {
            // a server that authenticates every request that carries credentials did so already
            return request.getUserPrincipal().getName().equals(credentials.name()) && request.isUserInRole(role);
        }
        try {
            request.login(credentials.name(), credentials.password());
        } catch (ServletException wrongOrUnknown) {
            return false;
        }
        try {
            return request.isUserInRole(role);
        } finally {
            try {
                request.logout();
            } catch (ServletException ignored) {
                // the request ends here; nothing of the login outlives it
            }
        }
    }

    private String key(Credentials credentials, String role) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            for (String part : new String[] {credentials.name(), credentials.password(), role}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A name and password from an {@code Authorization: Basic} header (RFC 7617, UTF-8). */
    record Credentials(String name, String password) {

        static Optional<Credentials> of(String authorization) {
            if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
                return Optional.empty();
            }
            String decoded;
            try {
                byte[] bytes = Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip());
                decoded = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0 || colon == decoded.length() - 1 || decoded.chars().anyMatch(Character::isISOControl)) {
                return Optional.empty();
            }
            return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return "Credentials[" + name + "]";
        }
    }
}
