package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.Deployments;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.TestSmtpServer;
import com.pkmnapi.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;

/**
 * The settings that are too slow or too generous to test at their defaults, on a server started
 * with short ones (arquillian.xml, container {@code short}): a 4 s token lifetime, last use
 * recorded to the second, a 1 s re-send window, 20 mail requests and 10 failed checks per minute
 * and client behind a trusted proxy (the loopback addresses), one allowed CORS origin, mail only to
 * example.com and the domains below corp.example, and the public address https://tokens.example.com/.
 * The tests reach the server over loopback, its trusted proxy, and each
 * is a client of its own through {@code X-Forwarded-For}.
 */
@ExtendWith(ArquillianExtension.class)
class ShortSettingsIT {

    private static final String ORIGIN = "https://app.example.com";

    @Deployment(testable = false)
    @TargetsContainer("short")
    static WebArchive deployment() {
        return Deployments.war();
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @ArquillianResource
    URL base;

    /** Through the trusted proxy (loopback), without saying for whom. */
    Api proxy;

    /** Through the trusted proxy, for a client of this test's own. */
    Api api;

    @BeforeEach
    void client() {
        proxy = new Api(base).overLoopback();
        api = proxy.withHeaders("X-Forwarded-For", "198.51.100." + CLIENTS.incrementAndGet());
    }

    @Test
    void linksStartAtThePublicAddressWhateverHostTheRequestNames() {
        String holder = Addresses.fresh("public-link");
        Tokens.issue(api, holder);

        HttpResponse<String> requested = api.send("POST", "v1/access_tokens/delete",
                BodyPublishers.ofString(Api.envelope(holder)), "Content-Type", Api.JSON, "Host", "evil.example",
                "X-Forwarded-Host", "evil.example");

        assertEquals(201, requested.statusCode(), requested::body);
        assertEquals("https://tokens.example.com/v1/access_tokens", requested.headers().firstValue("Location").orElseThrow());
        String link = Mails.confirmationLink(Mails.text(TestSmtpServer.awaitMailsTo(holder, 2).get(1)));
        assertTrue(link.startsWith("https://tokens.example.com/actions/delete-user"), link);
    }

    @Test
    void aClientThatGuessesCodesIsStoppedAndTheOwnersCodeStillWorks() {
        String owner = Addresses.fresh("guessed");
        Tokens.issue(api, owner);
        assertEquals(201, api.requestDeletion(owner).statusCode());
        String code = Mails.code(Mails.text(TestSmtpServer.awaitMailsTo(owner, 2).get(1)));
        Api guesser = proxy.withHeaders("X-Forwarded-For", "203.0.113." + CLIENTS.incrementAndGet());

        for (int i = 0; i < 10; i++) {
            // wrong codes for the owner and for other addresses count together
            String target = i % 2 == 0 ? owner : Addresses.fresh("other");
            assertError(guesser.delete(target, "wrong" + i), 400, "error_access_tokens_invalid", "Invalid or expired code");
        }
        HttpResponse<String> stopped = guesser.delete(owner, code);
        assertError(stopped, 429, "error_too_many_requests");
        long wait = Long.parseLong(stopped.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait > 3500 && wait <= 3600, "an hour's window: " + wait);

        assertEquals(204, api.delete(owner, code).statusCode(), "the owner's code survived the guesses");
    }

    @Test
    void anAddressOutsideTheAllowedDomainsGetsNoMail() {
        for (String outside : new String[] {"someone@elsewhere.test", "someone@corp.example", "x@example.com.evil.test"}) {
            assertError(api.requestToken(outside), 400, "error_access_tokens_invalid", "Email address not allowed: " + outside);
            assertError(api.requestDeletion(outside), 400, "error_access_tokens_invalid",
                    "Email address not allowed: " + outside);
            assertTrue(TestSmtpServer.mailsTo(outside).isEmpty(), "no mail to " + outside);
        }
        String inside = "someone-" + CLIENTS.incrementAndGet() + "@team.corp.example";
        assertEquals(201, api.requestToken(inside).statusCode());
        assertEquals(1, TestSmtpServer.mailsTo(inside).size());
    }

    @Test
    void aTokenExpiresAtTheEndOfTheMaximumLifetime() throws Exception {
        String token = Tokens.issue(api, Addresses.fresh("expiry"));
        JsonObject attributes = attributes(api.current(token));
        Instant created = Instant.parse(attributes.getString("date_create"));
        assertEquals(created.plusSeconds(4), Instant.parse(attributes.getString("date_expire")));
        // and as an RFC 7662 client sees it: Spring Security's introspector
        OpaqueTokenIntrospector spring = SpringOpaqueTokenIntrospector.withIntrospectionUri(base.toString() + "v1/introspect")
                .clientId(IntrospectionIT.CLIENT).clientSecret(IntrospectionIT.CLIENT_PASSWORD).build();
        assertEquals(created.plusSeconds(4).getEpochSecond(), spring.introspect(token).<Instant>getAttribute("exp").getEpochSecond());

        Thread.sleep(Duration.between(Instant.now(), created.plusSeconds(5)).toMillis());

        HttpResponse<String> expired = api.current(token);
        assertEquals("Expired access token", assertError(expired, 401, "error_access_tokens_unauthorized"));
        assertTrue(expired.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
        assertEquals("{\"active\":false}", api.introspect(token).body(), "an expired token is inactive");
        assertThrows(BadOpaqueTokenException.class, () -> spring.introspect(token));
    }

    @Test
    void theLastUseMovesOnceTheResolutionHasPassed() throws Exception {
        String token = Tokens.issue(api, Addresses.fresh("moving"));
        Instant first = Instant.parse(attributes(api.current(token)).getString("date_last_used"));

        Thread.sleep(2100);

        Instant second = Instant.parse(attributes(api.current(token)).getString("date_last_used"));
        assertTrue(second.isAfter(first.plusSeconds(1)), first + " then " + second);
    }

    @Test
    void revokingTheCurrentTokenLeavesTheAddressesOtherTokens() throws Exception {
        String address = Addresses.fresh("two-tokens");
        String first = Tokens.issue(api, address);
        Thread.sleep(1100);
        String second = Tokens.issue(api, address);

        assertEquals(204, api.revokeCurrent(first).statusCode());

        assertEquals(401, api.current(first).statusCode());
        assertEquals(200, api.current(second).statusCode());
    }

    @Test
    void mailRequestsBehindATrustedProxyAreLimitedClientByClient() {
        String client = "203.0.113.20";
        exhaustMailRequests(proxy, client);

        assertTooManyRequests(mailRequest(proxy, client));
        assertEquals(400, mailRequest(proxy, "203.0.113.21").statusCode(), "another client behind the proxy is not limited");
        assertEquals(429, mailRequest(proxy, "203.0.113.22, " + client).statusCode(),
                "an address the client puts in front of its own does not escape the limit");
        assertEquals(429, proxy.send("POST", "v1/access_tokens", BodyPublishers.ofString(Api.envelope("x")),
                        "Content-Type", Api.JSON, "X-Forwarded-For", "203.0.113.23", "X-Forwarded-For", client)
                .statusCode(), "nor does a header line the client sends above the one its proxy adds");
    }

    @Test
    void anIpv6ClientIsLimitedWithItsWholeSlash64() {
        for (int i = 1; i <= 20; i++) {
            assertEquals(400, mailRequest(proxy, "2001:db8:20:1::" + Integer.toHexString(i)).statusCode(),
                    "request " + i + " of the limit");
        }

        assertTooManyRequests(mailRequest(proxy, "2001:db8:20:1:ffff:ffff:ffff:fffe"));
        assertEquals(400, mailRequest(proxy, "2001:db8:20:2::1").statusCode(), "the next /64 is another client");
    }

    @Test
    void theIpv6LoopbackIsTrustedAsTheSettingSpellsIt() {
        Api ipv6 = new Api(base).overIpv6Loopback();
        String client = "203.0.113.50";
        exhaustMailRequests(ipv6, client);

        assertTooManyRequests(mailRequest(ipv6, client));
        assertEquals(400, mailRequest(ipv6, "203.0.113.51").statusCode(),
                "::1 is a trusted proxy: its clients are counted one by one");
    }

    @Test
    void failedChecksAreLimitedPerClientButNeverAChecksWithALiveToken() {
        String token = Tokens.issue(api, Addresses.fresh("failing"));
        for (int i = 0; i < 10; i++) {
            assertEquals(401, api.current(Secrets.newToken()).statusCode(), "failed check " + (i + 1) + " of the limit");
        }

        assertTooManyRequests(api.current(Secrets.newToken()));
        assertTooManyRequests(api.send("GET", "v1/access_tokens/current", BodyPublishers.noBody()));
        assertEquals(200, api.current(token).statusCode(), "a live token is never refused for its client");
        assertEquals(200, api.send("GET", "v1/health", BodyPublishers.noBody()).statusCode());
        assertEquals(401, proxy.current(Secrets.newToken(), "X-Forwarded-For", "203.0.113.60").statusCode(),
                "another client's checks are its own");
    }

    @Test
    void answersThePreflightOfAnAllowedOrigin() {
        HttpResponse<String> preflight = proxy.send("OPTIONS", "v1/access_tokens/current", BodyPublishers.noBody(),
                "Origin", ORIGIN, "Access-Control-Request-Method", "DELETE",
                "Access-Control-Request-Headers", "authorization,content-type", "X-Forwarded-For", "203.0.113.30");

        assertEquals(204, preflight.statusCode());
        assertEquals(ORIGIN, header(preflight, "Access-Control-Allow-Origin"));
        assertEquals("GET, POST, DELETE", header(preflight, "Access-Control-Allow-Methods"));
        assertEquals("Accept, Authorization, Content-Type", header(preflight, "Access-Control-Allow-Headers"));
        assertTrue(header(preflight, "Vary").contains("Origin"));
    }

    @Test
    void letsAnAllowedOriginReadResponsesAndNoOtherOrigin() {
        HttpResponse<String> allowed = proxy.send("POST", "v1/access_tokens",
                BodyPublishers.ofString(Api.envelope(Addresses.fresh("cors"))),
                "Content-Type", Api.JSON, "Origin", ORIGIN, "X-Forwarded-For", "203.0.113.31");
        assertEquals(201, allowed.statusCode());
        assertEquals(ORIGIN, header(allowed, "Access-Control-Allow-Origin"));
        assertTrue(header(allowed, "Access-Control-Expose-Headers").contains("Location"));

        HttpResponse<String> other = proxy.send("GET", "v1/access_tokens/current", BodyPublishers.noBody(),
                "Origin", "https://evil.example.com", "X-Forwarded-For", "203.0.113.31");
        assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        HttpResponse<String> otherPreflight = proxy.send("OPTIONS", "v1/access_tokens", BodyPublishers.noBody(),
                "Origin", "https://evil.example.com", "Access-Control-Request-Method", "POST",
                "X-Forwarded-For", "203.0.113.31");
        assertError(otherPreflight, 403, "error_forbidden", "Origin not allowed");
        assertFalse(otherPreflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    /** 20 refused requests for a token (400: not an address), all counted. */
    private static void exhaustMailRequests(Api via, String client) {
        for (int i = 0; i < 20; i++) {
            assertEquals(400, mailRequest(via, client).statusCode(), "request " + (i + 1) + " of the limit");
        }
    }

    private static HttpResponse<String> mailRequest(Api via, String forwardedFor) {
        return via.withHeaders("X-Forwarded-For", forwardedFor).requestToken("not-an-address");
    }

    private static void assertTooManyRequests(HttpResponse<String> response) {
        String message = assertError(response, 429, "error_too_many_requests");
        String seconds = response.headers().firstValue("Retry-After").orElse("");
        assertEquals("Too many requests. Please try again in " + seconds + " seconds.", message);
        assertTrue(Long.parseLong(seconds) >= 1 && Long.parseLong(seconds) <= 60, seconds);
    }

    private static JsonObject attributes(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        return Api.json(response).getJsonObject("data").getJsonObject("attributes");
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
