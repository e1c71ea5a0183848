package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static com.pkmnapi.testsupport.Envelopes.assertServerHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;

/**
 * {@code POST /v1/introspect} (RFC 7662) as its clients see it: our own requests for what exactly
 * is answered, and Spring Security's opaque-token introspector, a real RFC 7662 client, for what a
 * framework makes of it. The callers are the development users of the server's realm
 * (src/test/resources/realm): {@code introspector} in role pkmnapi-introspection,
 * {@code outsider} in none.
 */
class IntrospectionIT extends HttpClientTest {

    static final String CLIENT = "introspector";
    static final String CLIENT_PASSWORD = "introspector-dev";
    private static final String INACTIVE = "{\"active\":false}";

    @Test
    void aLiveTokenIsActiveWithWhoseItIs() {
        String address = Addresses.fresh("introspect-live");
        String token = Tokens.issue(api, Json.createObjectBuilder()
                .add("email_address", address).add("name", "build server").add("expires_in", 7200).build());
        JsonObject mine = Api.json(api.current(token)).getJsonObject("data");

        HttpResponse<String> response = introspect(CLIENT, CLIENT_PASSWORD, token);

        assertEquals(200, response.statusCode(), response::body);
        assertServerHeader(response);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject answer = Api.json(response);
        assertEquals(Set.of("active", "token_type", "username", "sub", "iat", "exp", "name"), answer.keySet());
        assertEquals(JsonValue.TRUE, answer.get("active"));
        assertEquals("Bearer", answer.getString("token_type"));
        assertEquals(address, answer.getString("username"));
        assertEquals(mine.getString("id"), answer.getString("sub"));
        assertEquals("build server", answer.getString("name"));
        JsonObject attributes = mine.getJsonObject("attributes");
        assertEquals(Instant.parse(attributes.getString("date_create")).getEpochSecond(), answer.getJsonNumber("iat").longValue());
        assertEquals(Instant.parse(attributes.getString("date_expire")).getEpochSecond(), answer.getJsonNumber("exp").longValue());
    }

    @Test
    void anythingElseIsExactlyInactive() {
        String address = Addresses.fresh("introspect-dead");
        String revoked = Tokens.issue(api, address);
        assertEquals(204, api.revokeCurrent(revoked).statusCode());

        for (String token : new String[] {revoked, Secrets.newToken(), "pkmn_at_nonsense", "not a token at all"}) {
            HttpResponse<String> response = introspect(CLIENT, CLIENT_PASSWORD, token);
            assertEquals(200, response.statusCode(), response::body);
            assertEquals(INACTIVE, response.body(), "for " + token.substring(0, 8));
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        }
    }

    /**
     * A token never used dies after the unused lifetime (7 days here), and says so in {@code exp};
     * once introspected, it is used, and has no end.
     */
    @Test
    void anIntrospectionIsAUseOfTheToken() {
        String token = Tokens.issue(api, Addresses.fresh("introspect-use"));

        JsonObject first = Api.json(introspect(CLIENT, CLIENT_PASSWORD, token));
        assertEquals(JsonValue.TRUE, first.get("active"));
        assertFalse(first.containsKey("exp"), "the use is recorded before the answer: " + first);
        assertFalse(Api.json(introspect(CLIENT, CLIENT_PASSWORD, token)).containsKey("exp"), "and kept");
    }

    @Test
    void onlyIntrospectionClientsOfTheRealmMayAsk() {
        String token = Tokens.issue(api, Addresses.fresh("introspect-callers"));
        String form = "token=" + token;
        String[][] callers = {
            {}, // none
            {"Authorization", basic(CLIENT, "wrong")},
            {"Authorization", basic("nobody", CLIENT_PASSWORD)},
            {"Authorization", basic("outsider", "outsider-dev")}, // in the realm, not in the role
            {"Authorization", "Bearer " + token},
            {"Authorization", "Basic !!not-base64!!"},
        };
        for (String[] caller : callers) {
            String[] headers = new String[caller.length + 2];
            headers[0] = "Content-Type";
            headers[1] = "application/x-www-form-urlencoded";
            System.arraycopy(caller, 0, headers, 2, caller.length);
            HttpResponse<String> response = api.send("POST", "v1/introspect", BodyPublishers.ofString(form), headers);
            assertError(response, 401, "error_access_tokens_unauthorized",
                    "Introspection needs the credentials of a client in role pkmnapi-introspection (HTTP Basic)");
            assertEquals("Basic realm=\"pkmnapi\", charset=\"UTF-8\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
            assertFalse(response.body().contains("active"), response.body());
        }
        assertEquals(200, introspect(CLIENT, CLIENT_PASSWORD, token).statusCode(), "the right one still gets in");
    }

    @Test
    void aRequestWithoutTokenIsABadRequest() {
        HttpResponse<String> response = api.send("POST", "v1/introspect", BodyPublishers.ofString("token_type_hint=access_token"),
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", basic(CLIENT, CLIENT_PASSWORD));
        assertError(response, 400, "error_bad_request", "token must be set: the token to introspect, form-encoded");

        HttpResponse<String> json = api.send("POST", "v1/introspect", BodyPublishers.ofString("{\"token\":\"x\"}"),
                "Content-Type", "application/json", "Authorization", basic(CLIENT, CLIENT_PASSWORD));
        assertEquals(415, json.statusCode(), json::body);
    }

    /** Spring Security's own client: live tokens become principals, dead ones its "not active" refusal. */
    @Test
    void springSecuritysIntrospectorReadsTheAnswers() {
        String address = Addresses.fresh("introspect-spring");
        String live = Tokens.issue(api, address);
        String bounded = Tokens.issue(api, Json.createObjectBuilder()
                .add("email_address", Addresses.fresh("introspect-spring-bounded")).add("expires_in", 3600).build());
        String revoked = Tokens.issue(api, Addresses.fresh("introspect-spring-revoked"));
        assertEquals(204, api.revokeCurrent(revoked).statusCode());
        OpaqueTokenIntrospector spring = SpringOpaqueTokenIntrospector
                .withIntrospectionUri(base.toString() + "v1/introspect")
                .clientId(CLIENT)
                .clientSecret(CLIENT_PASSWORD)
                .build();

        OAuth2AuthenticatedPrincipal principal = spring.introspect(live);
        assertEquals(address, principal.getAttribute("username"));
        assertEquals(Api.json(api.current(live)).getJsonObject("data").getString("id"), principal.getName());
        assertTrue(principal.<Instant>getAttribute("iat").isBefore(Instant.now().plusSeconds(1)));
        assertNull(principal.getAttribute("exp"), "no lifetime by default");

        OAuth2AuthenticatedPrincipal expiring = spring.introspect(bounded);
        Instant exp = expiring.getAttribute("exp");
        assertTrue(exp.isAfter(Instant.now().plusSeconds(3500)) && exp.isBefore(Instant.now().plusSeconds(3601)), "exp: " + exp);

        assertThrows(BadOpaqueTokenException.class, () -> spring.introspect(revoked));
        assertThrows(BadOpaqueTokenException.class, () -> spring.introspect(Secrets.newToken()));
    }

    HttpResponse<String> introspect(String client, String password, String token) {
        return api.send("POST", "v1/introspect",
                BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&token_type_hint=access_token"),
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", basic(client, password));
    }

    static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
