package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a caller's Basic credentials are read, and that the realm is asked once per cache time for
 * a caller that passed, every time for one that did not. The realm here is a request whose
 * {@code login} checks a map of users, as a server's realm would, and counts the checks.
 */
class RealmCallersTest {

    private static final String ROLE = "pkmnapi-introspection";

    /** name → password, and who has the role */
    private final Map<String, String> passwords = Map.of("gateway", "s3cret:with colon", "staff", "staff-pw");
    private final Set<String> inRole = Set.of("gateway");
    private final List<String> realmChecks = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-08T00:00:00Z");
    private RealmCallers callers;

    @BeforeEach
    void callers() {
        callers = new RealmCallers();
        callers.settings = new EdgeSettings(Optional.empty(), TrustedProxies.of(Set.of()), Set.of(), TrustedProxies.of(Set.of()),
                Duration.ofSeconds(60));
        callers.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        callers.start();
    }

    @Test
    void aCallerThatPassedIsNotCheckedAgainWithinTheCacheTime() {
        assertEquals(Optional.of("gateway"), callers.authenticate(request(basic("gateway", "s3cret:with colon")), ROLE));
        now = now.plusSeconds(59);
        assertEquals(Optional.of("gateway"), callers.authenticate(request(basic("gateway", "s3cret:with colon")), ROLE));
        assertEquals(List.of("gateway"), realmChecks, "one realm check");

        now = now.plusSeconds(1);
        assertEquals(Optional.of("gateway"), callers.authenticate(request(basic("gateway", "s3cret:with colon")), ROLE));
        assertEquals(List.of("gateway", "gateway"), realmChecks, "asked again once the cache time is over");
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverPasses() {
        callers.authenticate(request(basic("gateway", "s3cret:with colon")), ROLE);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), callers.authenticate(request(basic("gateway", "guess" + i)), ROLE));
        }
        assertEquals(Optional.empty(), callers.authenticate(request(basic("gateway", "s3cret:with colo")), ROLE));
        assertEquals(5, realmChecks.size(), "the cached caller's name does not let other passwords in: " + realmChecks);
    }

    @Test
    void aUserOfTheRealmOutsideTheRoleDoesNotPassAndIsNotCached() {
        assertEquals(Optional.empty(), callers.authenticate(request(basic("staff", "staff-pw")), ROLE));
        assertEquals(Optional.empty(), callers.authenticate(request(basic("staff", "staff-pw")), ROLE));
        assertEquals(2, realmChecks.size());
        assertEquals(Optional.of("staff"), callers.authenticate(request(basic("staff", "staff-pw")), "staff-role"),
                "a pass in one role is no pass in another");
    }

    @Test
    void zeroCacheTimeAsksTheRealmEveryTime() {
        callers.settings = new EdgeSettings(Optional.empty(), TrustedProxies.of(Set.of()), Set.of(), TrustedProxies.of(Set.of()),
                Duration.ZERO);
        callers.authenticate(request(basic("gateway", "s3cret:with colon")), ROLE);
        callers.authenticate(request(basic("gateway", "s3cret:with colon")), ROLE);
        assertEquals(2, realmChecks.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer pkmn_at_x", "Basic", "Basic !!!", "Basic Z2F0ZXdheQ==" /* no colon */,
        "Basic OnMzY3JldA==" /* no name */, "Basic Z2F0ZXdheTo=" /* no password */, "Basic /w==" /* not UTF-8 */})
    void unusableCredentialsAreNoCaller(String authorization) {
        assertEquals(Optional.empty(), RealmCallers.Credentials.of(authorization.isEmpty() ? null : authorization));
        assertEquals(Optional.empty(), callers.authenticate(request(authorization.isEmpty() ? null : authorization), ROLE));
        assertTrue(realmChecks.isEmpty(), "the realm is not asked about them");
    }

    @Test
    void theSchemeIsCaseInsensitiveAndThePasswordMayHoldColons() {
        RealmCallers.Credentials credentials = RealmCallers.Credentials.of("bAsIc " + basic("gateway", "a:b:c").substring(6)).orElseThrow();
        assertEquals("gateway", credentials.name());
        assertEquals("a:b:c", credentials.password());
        assertEquals("Credentials[gateway]", credentials.toString(), "the password stays out of logs");
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request with this Authorization header, whose login asks {@link #passwords}. */
    private HttpServletRequest request(String authorization) {
        String[] loggedIn = {null};
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "getUserPrincipal" -> loggedIn[0] == null ? null : (Principal) () -> loggedIn[0];
                    case "login" -> {
                        realmChecks.add((String) args[0]);
                        if (!args[1].equals(passwords.get(args[0]))) {
                            throw new ServletException("login failed");
                        }
                        loggedIn[0] = (String) args[0];
                        yield null;
                    }
                    case "isUserInRole" -> loggedIn[0] != null && (inRole.contains(loggedIn[0]) || args[0].equals("staff-role"));
                    case "logout" -> {
                        loggedIn[0] = null;
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
