package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static com.pkmnapi.testsupport.Envelopes.assertServerHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.TestSmtpServer;
import com.pkmnapi.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A token in use, over HTTP: how a service checks it ({@code GET /v1/access_tokens/current}), how
 * its holder revokes it, and every way of being refused with 401.
 */
class CurrentAccessTokenIT extends HttpClientTest {

    private static final String UNAUTHORIZED = "error_access_tokens_unauthorized";
    private static final String REALM = "Bearer realm=\"pkmnapi\"";

    @Test
    void describesTheTokenItWasCalledWith() {
        String address = Addresses.fresh("current");
        Instant before = Instant.now().minusSeconds(1);
        String token = Tokens.issue(api, address.toUpperCase());

        HttpResponse<String> response = api.current(token);

        assertEquals(200, response.statusCode(), response::body);
        assertServerHeader(response);
        JsonObject data = Api.json(response).getJsonObject("data");
        assertEquals("access_tokens", data.getString("type"));
        String id = data.getString("id");
        assertFalse(id.isBlank());
        assertFalse(token.contains(id) || id.contains(token.substring(Secrets.TOKEN_PREFIX.length(), 20)),
                "the id says nothing about the token");
        JsonObject attributes = data.getJsonObject("attributes");
        assertEquals(address, attributes.getString("email_address"));
        Instant created = Instant.parse(attributes.getString("date_create"));
        assertTrue(attributes.getString("date_create").endsWith("Z"), "UTC");
        assertTrue(!created.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                && !created.isAfter(Instant.now()), created::toString);
        Instant lastUsed = Instant.parse(attributes.getString("date_last_used"));
        assertFalse(lastUsed.isBefore(created), "this request was a use");
        assertTrue(attributes.isNull("date_expire"), "tokens do not expire by default");
        assertTrue(attributes.isNull("name"), "no name was given");
        assertTrue(attributes.getBoolean("current"));
    }

    @Test
    void tellsAGatewayWhoIsCallingInHeadersOnlyForALiveToken() {
        String address = Addresses.fresh("identity");
        String token = Tokens.issue(api, address.toUpperCase());

        HttpResponse<String> live = api.current(token);

        assertEquals(200, live.statusCode(), live::body);
        assertEquals(List.of(address), live.headers().allValues("X-Pkmnapi-Email"), "the address as stored, in lower case");
        assertEquals(List.of(Api.json(live).getJsonObject("data").getString("id")), live.headers().allValues("X-Pkmnapi-Token-Id"));
        assertEquals(204, api.revokeCurrent(token).statusCode());
        HttpResponse<String> refused = api.current(token);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("X-Pkmnapi-Email").isEmpty());
        assertTrue(refused.headers().firstValue("X-Pkmnapi-Token-Id").isEmpty());
    }

    @Test
    void recordsTheLastUseWithoutWritingOnEveryRequest() {
        String token = Tokens.issue(api, Addresses.fresh("last-used"));
        String first = lastUsed(api.current(token));

        for (int i = 0; i < 5; i++) {
            assertEquals(first, lastUsed(api.current(token)), "not rewritten within the minute");
        }
    }

    @Test
    void revokesOnlyTheTokenItWasCalledWith() {
        String token = Tokens.issue(api, Addresses.fresh("self-revoke"));

        HttpResponse<String> revoked = api.revokeCurrent(token);

        assertEquals(204, revoked.statusCode(), revoked::body);
        assertServerHeader(revoked);
        assertUnauthorized(api.current(token), "Invalid access token");
        assertUnauthorized(api.revokeCurrent(token), "Invalid access token");
    }

    @Test
    void aTokenRevokedWithTheDeletionCodeStopsWorking() {
        String address = Addresses.fresh("code-revoke");
        String token = Tokens.issue(api, address);
        assertEquals(200, api.current(token).statusCode());
        int before = TestSmtpServer.mailsTo(address).size();
        assertEquals(201, api.requestDeletion(address).statusCode());
        List<jakarta.mail.internet.MimeMessage> mails = TestSmtpServer.awaitMailsTo(address, before + 1);
        assertEquals(204, api.delete(address, Mails.code(Mails.text(mails.get(mails.size() - 1)))).statusCode());

        assertUnauthorized(api.current(token), "Invalid access token");
    }

    @Test
    void refusesARequestWithoutAuthorization() {
        HttpResponse<String> response = api.send("GET", "v1/access_tokens/current", BodyPublishers.noBody());

        assertError(response, 401, UNAUTHORIZED, "Authorization header must be set");
        assertEquals(REALM, response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void refusesAnotherScheme() {
        HttpResponse<String> response = api.send("GET", "v1/access_tokens/current", BodyPublishers.noBody(),
                "Authorization", "Basic dXNlcjpwYXNz");

        assertError(response, 401, UNAUTHORIZED);
        assertEquals(REALM, response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void refusesMalformedTokensByTheirFormAlone() {
        String token = Tokens.issue(api, Addresses.fresh("malformed"));
        String changed = token.substring(0, 20) + (token.charAt(20) == 'a' ? 'b' : 'a') + token.substring(21);
        for (String malformed : List.of("", "x", token.substring(1), token + "0", changed,
                token.replace("pkmn_at_", "pkmn_xx_"))) {
            assertUnauthorized(api.current(malformed), malformed.isEmpty() ? null : "Malformed access token");
        }
    }

    @Test
    void refusesAWellFormedTokenItNeverIssued() {
        assertUnauthorized(api.current(Secrets.newToken()), "Invalid access token");
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        String token = Tokens.issue(api, Addresses.fresh("scheme"));

        HttpResponse<String> response = api.send("GET", "v1/access_tokens/current", BodyPublishers.noBody(),
                "Authorization", "bEaReR " + token);

        assertEquals(200, response.statusCode(), response::body);
    }

    @Test
    void theMailEndpointsStillRefuseAnyAuthorization() {
        String token = Tokens.issue(api, Addresses.fresh("still-refused"));

        HttpResponse<String> response = api.send("POST", "v1/access_tokens",
                BodyPublishers.ofString(Api.envelope(Addresses.fresh("other"))),
                "Content-Type", Api.JSON, "Authorization", "Bearer " + token);

        assertError(response, 403, "error_access_tokens_forbidden", "Authorization header must not be set");
    }

    /** 401 with the envelope and an invalid_token challenge; the message where one is expected. */
    private static void assertUnauthorized(HttpResponse<String> response, String message) {
        String actual = assertError(response, 401, UNAUTHORIZED);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith(REALM), challenge);
        if (message != null) {
            assertEquals(message, actual);
            assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
        }
    }

    private static String lastUsed(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        String lastUsed = Api.json(response).getJsonObject("data").getJsonObject("attributes").getString("date_last_used");
        Instant.parse(lastUsed);
        return lastUsed;
    }
}
