package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.Deployments;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.TestSmtpServer;
import com.pkmnapi.testsupport.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The owner's own endpoints, {@code GET /v1/access_tokens} and {@code DELETE /v1/access_tokens/{id}},
 * and the optional attributes of a token request, {@code name} and {@code expires_in}: on the server
 * with short settings (arquillian.xml, container {@code short}), whose 1 s re-send window lets an
 * address get several tokens in a test and whose 4 s maximum lifetime bounds {@code expires_in}.
 * Each test is a client of its own behind the trusted loopback proxy.
 */
@ExtendWith(ArquillianExtension.class)
class OwnTokensIT {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Deployment(testable = false)
    @TargetsContainer("short")
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base).overLoopback().withHeaders("X-Forwarded-For", "198.51.100." + (100 + CLIENTS.incrementAndGet()));
    }

    @Test
    void theListHoldsTheAddressesLiveTokensNewestFirstWithTheCallingOneMarkedAndNoSecret() throws Exception {
        String address = Addresses.fresh("list");
        String older = Tokens.issue(api, attributes(address).add("name", "ci").build());
        Thread.sleep(1100);
        String newer = Tokens.issue(api, address);
        String bystander = Tokens.issue(api, Addresses.fresh("list-bystander"));

        HttpResponse<String> listed = api.list(newer);

        assertEquals(200, listed.statusCode(), listed::body);
        JsonArray data = Api.json(listed).getJsonArray("data");
        assertEquals(List.of(id(newer), id(older)), data.stream().map(token -> token.asJsonObject().getString("id")).toList());
        JsonObject first = data.getJsonObject(0).getJsonObject("attributes");
        JsonObject second = data.getJsonObject(1).getJsonObject("attributes");
        assertTrue(first.getBoolean("current"));
        assertFalse(second.getBoolean("current"));
        assertTrue(first.isNull("name"));
        assertEquals("ci", second.getString("name"));
        assertEquals(address, second.getString("email_address"));
        for (String secret : new String[] {older, newer, bystander}) {
            assertFalse(listed.body().contains(secret), "no token in the list");
        }
        assertEquals(1, Api.json(api.list(bystander)).getJsonArray("data").size(), "another address sees only its own");
    }

    @Test
    void oneTokenIsRevokedByItsIdAndTheOthersStay() throws Exception {
        String address = Addresses.fresh("by-id");
        String first = Tokens.issue(api, address);
        Thread.sleep(1100);
        String second = Tokens.issue(api, address);

        String firstId = id(first);
        HttpResponse<String> revoked = api.revoke(second, firstId);

        assertEquals(204, revoked.statusCode(), revoked::body);
        assertEquals("", revoked.body());
        assertEquals(401, api.current(first).statusCode(), "refused at once: this server's cache forgets it");
        assertEquals(200, api.current(second).statusCode());
        assertEquals(List.of(id(second)), Api.json(api.list(second)).getJsonArray("data").stream()
                .map(token -> token.asJsonObject().getString("id")).toList());
        assertError(api.revoke(second, firstId), 404, "error_not_found", "No such access token of this address");
    }

    @Test
    void anotherAddressesTokenIsNotFoundExactlyLikeAnUnknownOneAndStaysLive() {
        String mine = Tokens.issue(api, Addresses.fresh("mine"));
        String theirs = Tokens.issue(api, Addresses.fresh("theirs"));

        HttpResponse<String> other = api.revoke(mine, id(theirs));
        HttpResponse<String> unknown = api.revoke(mine, UUID.randomUUID().toString());
        HttpResponse<String> nonsense = api.revoke(mine, "not-an-id");

        assertError(other, 404, "error_not_found", "No such access token of this address");
        assertEquals(unknown.statusCode(), other.statusCode());
        assertEquals(unknown.body(), other.body());
        assertEquals(unknown.body(), nonsense.body());
        assertEquals(200, api.current(theirs).statusCode(), "their token still works");
    }

    @Test
    void theOwnersEndpointsNeedALiveToken() {
        String token = Tokens.issue(api, Addresses.fresh("needs-token"));
        String id = id(token);
        assertEquals(204, api.revokeCurrent(token).statusCode());

        for (HttpResponse<String> refused : List.of(api.list(token), api.revoke(token, id),
                api.send("GET", "v1/access_tokens", java.net.http.HttpRequest.BodyPublishers.noBody()),
                api.send("DELETE", "v1/access_tokens/" + id, java.net.http.HttpRequest.BodyPublishers.noBody()))) {
            assertEquals(401, refused.statusCode(), refused::body);
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
    }

    @Test
    void theNameIsInTheCheckAndTheListInAnyScriptAndNeverInTheMail() {
        String address = Addresses.fresh("named");
        String name = "Déploiement nocturne – 夜間 🚀";

        String token = Tokens.issue(api, attributes(address).add("name", name).build());

        String mail = Mails.text(TestSmtpServer.mailsTo(address).get(0));
        assertFalse(mail.contains(name), "the name stays out of the mail: " + mail);
        assertEquals(name, Api.json(api.current(token)).getJsonObject("data").getJsonObject("attributes").getString("name"));
        assertEquals(name, Api.json(api.list(token)).getJsonArray("data").getJsonObject(0).getJsonObject("attributes")
                .getString("name"));
    }

    @Test
    void aNameOfSixtyFourCharactersIsTakenAndNothingElseThatIsNotAName() {
        String longest = "x".repeat(63) + "🚀";
        String address = Addresses.fresh("longest-name");
        String token = Tokens.issue(api, attributes(address).add("name", longest).build());
        assertEquals(longest, Api.json(api.current(token)).getJsonObject("data").getJsonObject("attributes").getString("name"));

        String refusedAddress = Addresses.fresh("bad-name");
        for (String bad : new String[] {"", "   ", "x".repeat(65), "line\nbreak", "tab\there", "\u202Eevil", "zero\u200Bwidth",
                "nul\u0000"}) {
            assertError(api.requestToken(attributes(refusedAddress).add("name", bad).build()), 400,
                    "error_access_tokens_invalid", "Invalid token name: it must be 1 to 64 printable characters");
        }
        assertError(api.requestToken(attributes(refusedAddress).add("name", 42).build()), 400,
                "error_access_tokens_invalid", "data.attributes.name must be a string");
        assertTrue(TestSmtpServer.mailsTo(refusedAddress).isEmpty(), "no mail for a refused request");
        assertEquals(201, api.requestToken(attributes(refusedAddress).build()).statusCode(),
                "and no re-send window was started");
    }

    @Test
    void expiresInSetsTheExpiryUpToTheMaximumLifetime() {
        String address = Addresses.fresh("expires-in");
        String token = Tokens.issue(api, attributes(address).add("expires_in", 2).build());

        JsonObject attributes = Api.json(api.current(token)).getJsonObject("data").getJsonObject("attributes");
        assertEquals(Instant.parse(attributes.getString("date_create")).plusSeconds(2),
                Instant.parse(attributes.getString("date_expire")));

        String refusedAddress = Addresses.fresh("bad-expires-in");
        for (JsonValue bad : new JsonValue[] {Json.createValue(5), Json.createValue(0), Json.createValue(-1),
                Json.createValue(new java.math.BigDecimal("99999999999999999999999"))}) {
            assertError(api.requestToken(attributes(refusedAddress).add("expires_in", bad).build()), 400,
                    "error_access_tokens_invalid", "Invalid expires_in: it must be a whole number of seconds from 1 to 4");
        }
        for (JsonValue bad : new JsonValue[] {Json.createValue(1.5), Json.createValue("3")}) {
            assertError(api.requestToken(attributes(refusedAddress).add("expires_in", bad).build()), 400,
                    "error_access_tokens_invalid", "data.attributes.expires_in must be a whole number of seconds");
        }
        assertTrue(TestSmtpServer.mailsTo(refusedAddress).isEmpty(), "no mail for a refused request");
    }

    @Test
    void nullNameAndLifetimeAreAsIfAbsent() {
        String address = Addresses.fresh("nulls");
        String token = Tokens.issue(api, attributes(address).addNull("name").addNull("expires_in").build());

        JsonObject attributes = Api.json(api.current(token)).getJsonObject("data").getJsonObject("attributes");
        assertTrue(attributes.isNull("name"));
        assertEquals(Instant.parse(attributes.getString("date_create")).plusSeconds(4),
                Instant.parse(attributes.getString("date_expire")), "the maximum lifetime, as without them");
    }

    private JsonObjectBuilder attributes(String address) {
        return Json.createObjectBuilder().add("email_address", address);
    }

    private String id(String token) {
        HttpResponse<String> current = api.current(token);
        assertEquals(200, current.statusCode(), current::body);
        return Api.json(current).getJsonObject("data").getString("id");
    }
}
