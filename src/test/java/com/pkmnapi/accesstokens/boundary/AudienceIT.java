package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.TestSmtpServer;
import com.pkmnapi.testsupport.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;

/**
 * Tokens bound to services ({@code audience}), at every endpoint: the check only where the request
 * names one of them, introspection only for a client that is one, the owner's endpoints never
 * (but a bound token may revoke itself), and the mail, the check, the list and the introspection
 * say which services they are. A token without audience is good everywhere, as before.
 */
class AudienceIT extends HttpClientTest {

    @Test
    void aBoundTokenIsCheckedOnlyWhereTheRequestNamesOneOfItsServices() {
        String bound = bound(Addresses.fresh("audience-check"), "wiki", "ci.corp-1");

        for (String query : new String[] {"", "?audience=", "?audience=other", "?audience=WIKI"}) {
            HttpResponse<String> refused = api.send("GET", "v1/access_tokens/current" + query,
                    java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + bound);
            assertError(refused, 401, "error_access_tokens_unauthorized", "Access token not for this service");
            assertEquals("Bearer realm=\"pkmnapi\", error=\"invalid_token\", error_description=\"Access token not for this service\"",
                    refused.headers().firstValue("WWW-Authenticate").orElse(""), query);
        }
        for (String service : new String[] {"wiki", "ci.corp-1"}) {
            HttpResponse<String> accepted = current(bound, service);
            assertEquals(200, accepted.statusCode(), accepted::body);
            assertEquals(Json.createArrayBuilder().add("wiki").add("ci.corp-1").build(),
                    Api.json(accepted).getJsonObject("data").getJsonObject("attributes").getJsonArray("audience"));
        }

        String everywhere = Tokens.issue(api, Addresses.fresh("audience-none"));
        for (String service : new String[] {null, "wiki", "anything"}) {
            HttpResponse<String> accepted = current(everywhere, service);
            assertEquals(200, accepted.statusCode(), accepted::body);
            assertTrue(Api.json(accepted).getJsonObject("data").getJsonObject("attributes").isNull("audience"));
        }
    }

    @Test
    void aBoundTokenCannotActForItsAddressButMayRevokeItself() {
        String bound = bound(Addresses.fresh("audience-owner"), "wiki");
        String id = Api.json(current(bound, "wiki")).getJsonObject("data").getString("id");

        String message = "This token is for named services only; the address's tokens are managed with a token for every service";
        assertError(api.list(bound), 403, "error_access_tokens_forbidden", message);
        assertError(api.events(bound, ""), 403, "error_access_tokens_forbidden", message);
        assertError(api.revoke(bound, id), 403, "error_access_tokens_forbidden", message);
        assertEquals(200, current(bound, "wiki").statusCode(), "none of that revoked it");

        assertEquals(204, api.revokeCurrent(bound).statusCode(), "it revokes itself without naming a service");
        assertEquals(401, current(bound, "wiki").statusCode());
    }

    @Test
    void theMailAndTheListSayWhichServices() throws Exception {
        String address = Addresses.fresh("audience-mail");
        bound(address, "wiki", "wiki", "build.corp");
        MimeMessage mail = TestSmtpServer.mailsTo(address).get(0);
        String text = Mails.text(mail);
        assertTrue(text.contains("It works only at these services: wiki, build.corp."), text);
        String html = (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
        assertTrue(html.contains("<p>It works only at these services: <code>wiki, build.corp</code>.</p>"), html);

        String everywhere = Tokens.issue(api, Addresses.fresh("audience-mail-none"));
        JsonObject listed = Api.json(api.list(everywhere)).getJsonArray("data").getJsonObject(0).getJsonObject("attributes");
        assertTrue(listed.isNull("audience"), listed::toString);
        String plain = Mails.text(TestSmtpServer.mailsTo(listed.getString("email_address")).get(0));
        assertTrue(!plain.contains("It works only"), plain);
    }

    /** The introspection client is the service: here the development client "introspector". */
    @Test
    void introspectionIsActiveOnlyForAClientThatIsOneOfItsServices() {
        String forTheClient = bound(Addresses.fresh("audience-introspect"), "wiki", IntrospectionIT.CLIENT);
        String forOthers = bound(Addresses.fresh("audience-introspect-other"), "wiki");

        JsonObject active = Api.json(api.introspect(forTheClient));
        assertEquals(JsonValue.TRUE, active.get("active"));
        assertEquals(Json.createArrayBuilder().add("wiki").add(IntrospectionIT.CLIENT).build(), active.getJsonArray("aud"));
        assertEquals("{\"active\":false}", api.introspect(forOthers).body());
        assertTrue(!Api.json(api.introspect(Tokens.issue(api, Addresses.fresh("audience-introspect-none")))).containsKey("aud"),
                "no aud for a token for every service");

        OpaqueTokenIntrospector spring = SpringOpaqueTokenIntrospector.withIntrospectionUri(base.toString() + "v1/introspect")
                .clientId(IntrospectionIT.CLIENT).clientSecret(IntrospectionIT.CLIENT_PASSWORD).build();
        OAuth2AuthenticatedPrincipal principal = spring.introspect(forTheClient);
        assertEquals(List.of("wiki", IntrospectionIT.CLIENT), principal.getAttribute("aud"));
        assertThrows(BadOpaqueTokenException.class, () -> spring.introspect(forOthers));
    }

    @Test
    void anAudienceThatIsNoListOfServiceNamesIsRefusedAndNothingIsIssued() {
        String message = "Invalid audience: it must be a list of 1 to 10 service names of lower-case letters, digits, dots"
                + " and hyphens (up to 63, the first a letter or digit)";
        JsonArrayBuilder eleven = Json.createArrayBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.add("s" + i);
        }
        List<JsonValue> wrong = List.of(Json.createArrayBuilder().build(), eleven.build(),
                Json.createArrayBuilder().add("Wiki").build(), Json.createArrayBuilder().add("-wiki").build(),
                Json.createArrayBuilder().add("a".repeat(64)).build(), Json.createArrayBuilder().add("a b").build(),
                Json.createArrayBuilder().add("wiki").add(1).build(), Json.createArrayBuilder().addNull().build(),
                Json.createArrayBuilder().add("wiki\n").build());
        for (JsonValue audience : wrong) {
            String address = Addresses.fresh("audience-wrong");
            assertError(api.requestToken(Json.createObjectBuilder().add("email_address", address).add("audience", audience).build()),
                    400, "error_access_tokens_invalid", message);
            assertEquals(0, TestSmtpServer.mailsTo(address).size(), "no mail for " + audience);
        }
        String address = Addresses.fresh("audience-not-a-list");
        assertError(api.requestToken(Json.createObjectBuilder().add("email_address", address).add("audience", "wiki").build()),
                400, "error_access_tokens_invalid", "data.attributes.audience must be a list of service names");
        assertEquals(0, TestSmtpServer.mailsTo(address).size());
    }

    private String bound(String address, String... services) {
        JsonArrayBuilder audience = Json.createArrayBuilder();
        for (String service : services) {
            audience.add(service);
        }
        return Tokens.issue(api, Json.createObjectBuilder().add("email_address", address).add("audience", audience).build());
    }

    private HttpResponse<String> current(String token, String service) {
        return api.send("GET", "v1/access_tokens/current" + (service == null ? "" : "?audience=" + service),
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + token);
    }
}
