package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static com.pkmnapi.testsupport.Envelopes.assertServerHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.OpenApiContract;
import com.pkmnapi.testsupport.TestSmtpServer;
import com.pkmnapi.testsupport.Tokens;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The three endpoints over HTTP, as a client sees them, with the mails read from the tests' real
 * SMTP server: each success and refusal of the contract, with its status, headers and envelope.
 */
class AccessTokensApiIT extends HttpClientTest {

    private static final Pattern RETRY = Pattern.compile("Please try again in (\\d+) seconds");

    @Test
    void mailsANewAccessToken() throws Exception {
        String address = Addresses.fresh("issue");

        HttpResponse<String> response = api.requestToken(address);

        assertCreated(response);
        List<MimeMessage> mails = TestSmtpServer.mailsTo(address);
        assertEquals(1, mails.size(), "one mail");
        MimeMessage mail = mails.get(0);
        assertEquals("Pkmnapi access token", mail.getSubject());
        assertEquals("Pkmnapi <noreply@localhost>", mail.getFrom()[0].toString());
        assertEquals(address, mail.getAllRecipients()[0].toString());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        assertEquals(2, parts.getCount());
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain") && text.getContentType().contains("UTF-8"), text.getContentType());
        assertTrue(html.isMimeType("text/html") && html.getContentType().contains("UTF-8"), html.getContentType());
        String token = Mails.token((String) text.getContent());
        assertTrue(((String) text.getContent()).contains("Authorization: Bearer " + token));
        assertTrue(((String) html.getContent()).contains(token), "the token is in the HTML part too");
        // the original's line, which its users' scripts read
        assertTrue(((String) text.getContent()).lines().anyMatch(("This is your access token: " + token)::equals));
        assertTrue(((String) html.getContent()).contains("This is your access token: <code"));
    }

    @Test
    void refusesASecondTokenWithinTheResendWindow() {
        String address = Addresses.fresh("window");
        assertCreated(api.requestToken(address));

        HttpResponse<String> again = api.requestToken(address);

        long seconds = assertTimeout(again);
        assertTrue(seconds > 590 && seconds <= 600, "seconds left: " + seconds);
        assertEquals(1, TestSmtpServer.mailsTo(address).size(), "no second mail");
    }

    @Test
    void deletesEveryTokenWithTheMailedCode() {
        String address = Addresses.fresh("delete");
        assertCreated(api.requestToken(address));

        HttpResponse<String> requested = api.requestDeletion(address);

        assertCreated(requested);
        List<MimeMessage> mails = TestSmtpServer.awaitMailsTo(address, 2);
        assertEquals(2, mails.size(), "the token mail and the deletion mail");
        assertEquals("Pkmnapi delete access token", subject(mails.get(1)));
        String text = Mails.text(mails.get(1));
        String code = Mails.code(text);
        assertEquals(api.base() + "actions/delete-user#email_address=" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "&code=" + code, Mails.confirmationLink(text));

        HttpResponse<String> deleted = api.delete(address, code);
        assertEquals(204, deleted.statusCode(), deleted::body);
        assertEquals("", deleted.body());
        assertServerHeader(deleted);

        assertError(api.delete(address, code), 400, "error_access_tokens_invalid", "Invalid or expired code");
    }

    @Test
    void aFreshTokenCanBeDeletedAtOnce() {
        String address = Addresses.fresh("at-once");
        assertCreated(api.requestToken(address));
        assertCreated(api.requestDeletion(address));
        assertCreated(api.requestDeletion(Addresses.fresh("unrelated")));
        assertEquals(204, api.delete(address, Mails.code(Mails.text(TestSmtpServer.awaitMailsTo(address, 2).get(1)))).statusCode());
    }

    @Test
    void refusesASecondDeletionRequestWithinTheWindow() {
        String address = Addresses.fresh("delete-window");
        assertCreated(api.requestToken(address));
        assertCreated(api.requestDeletion(address));

        long seconds = assertTimeout(api.requestDeletion(address));

        assertTrue(seconds > 590 && seconds <= 600, "seconds left: " + seconds);
        TestSmtpServer.awaitMailsTo(address, 2);
        assertEquals(2, TestSmtpServer.mailsTo(address).size(), "no second deletion mail");
    }

    @Test
    void answersADeletionRequestForAnAddressWithoutTokensTheSameWayWithoutMail() {
        String address = Addresses.fresh("no-tokens");

        assertCreated(api.requestDeletion(address));

        assertTrue(TestSmtpServer.mailsTo(address).isEmpty(), "no mail");
        assertTimeout(api.requestDeletion(address));
        assertError(api.delete(address, "0123456789abcdefABCDEF"), 400, "error_access_tokens_invalid",
                "Invalid or expired code");
    }

    @Test
    void aWrongCodeDeletesNothingAndTheRightOneStillWorks() {
        String address = Addresses.fresh("wrong-code");
        assertCreated(api.requestToken(address));
        assertCreated(api.requestDeletion(address));
        String code = Mails.code(Mails.text(TestSmtpServer.awaitMailsTo(address, 2).get(1)));

        assertError(api.delete(address, code.substring(1) + "x"), 400, "error_access_tokens_invalid",
                "Invalid or expired code");
        assertError(api.delete(Addresses.fresh("someone-else"), code), 400, "error_access_tokens_invalid",
                "Invalid or expired code");

        assertEquals(204, api.delete(address, code).statusCode());
    }

    @Test
    void matchesAddressesCaseInsensitively() {
        String address = Addresses.fresh("case");
        String shouted = address.toUpperCase();
        assertCreated(api.requestToken(shouted));

        assertTimeout(api.requestToken(address));
        assertCreated(api.requestDeletion(address));

        String code = Mails.code(Mails.text(TestSmtpServer.awaitMailsTo(address, 2).get(1)));
        assertEquals(204, api.delete(shouted, code).statusCode());
    }

    @Test
    void refusesAnAuthorizationHeaderOnEachEndpointAndChangesNothing() {
        String address = Addresses.fresh("authorization");
        String[][] endpoints = {
            {"POST", "v1/access_tokens", Api.envelope(address)},
            {"POST", "v1/access_tokens/delete", Api.envelope(address)},
            {"DELETE", "v1/access_tokens", Api.envelope(address, "0123456789abcdefABCDEF")},
        };
        for (String[] endpoint : endpoints) {
            HttpResponse<String> response = api.send(endpoint[0], endpoint[1], BodyPublishers.ofString(endpoint[2]),
                    "Content-Type", Api.JSON, "Authorization", "Bearer pkmn_at_whatever");
            assertError(response, 403, "error_access_tokens_forbidden", "Authorization header must not be set");
        }
        assertTrue(TestSmtpServer.mailsTo(address).isEmpty());
        assertCreated(api.requestToken(address));
        assertCreated(api.requestDeletion(address));
    }

    @Test
    void servesItsOpenApiDescriptionWhichParsesCleanly() {
        HttpResponse<String> served = api.send("GET", "v1/openapi.json", BodyPublishers.noBody());

        assertEquals(200, served.statusCode());
        assertEquals(OpenApiContract.description().replace("@VERSION@", "0.1.0"), served.body(),
                "the description in the sources, with this build's version");
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body());
        assertEquals(List.of(), parsed.getMessages(), "no error or warning from swagger-parser");
        assertEquals("3.0.3", parsed.getOpenAPI().getOpenapi());
        assertEquals(List.of("/v1/access_tokens", "/v1/access_tokens/delete", "/v1/access_tokens/current",
                "/v1/access_tokens/{id}", "/v1/access_tokens/events", "/v1/introspect", "/v1/health", "/v1/health/ready", "/v1/metrics", "/v1/openapi.json", "/actions/delete-user",
                "/actions/delete-user.js", "/actions/delete-user.css"), List.copyOf(parsed.getOpenAPI().getPaths().keySet()));
    }

    @Test
    void aTokenMayBeAskedToExpireUpToTenYearsWhereNoMaximumLifetimeIsSet() {
        String address = Addresses.fresh("ten-years");
        String token = Tokens.issue(api, Json.createObjectBuilder().add("email_address", address)
                .add("expires_in", 315_360_000).build());

        JsonObject attributes = Api.json(api.current(token)).getJsonObject("data").getJsonObject("attributes");
        assertEquals(Instant.parse(attributes.getString("date_create")).plusSeconds(315_360_000),
                Instant.parse(attributes.getString("date_expire")));
        String other = Addresses.fresh("eleven-years");
        assertError(api.requestToken(Json.createObjectBuilder().add("email_address", other).add("expires_in", 315_360_001)
                .build()), 400, "error_access_tokens_invalid",
                "Invalid expires_in: it must be a whole number of seconds from 3600 to 315360000");
        assertTrue(TestSmtpServer.mailsTo(other).isEmpty());
    }

    @Test
    void nobodyCanLockAnOwnerOutWithATokenThatDiesAtOnce() {
        String victim = Addresses.fresh("lock-out");

        // the attack as measured: a token asked for the victim with expires_in 1, then the window
        assertError(api.requestToken(Json.createObjectBuilder().add("email_address", victim).add("expires_in", 1).build()),
                400, "error_access_tokens_invalid",
                "Invalid expires_in: it must be a whole number of seconds from 3600 to 315360000");
        assertTrue(TestSmtpServer.mailsTo(victim).isEmpty(), "no mail");
        assertCreated(api.requestToken(victim));

        // the shortest a stranger can ask for outlives the window in which the owner cannot ask
        String other = Addresses.fresh("lock-out-shortest");
        String token = Tokens.issue(api, Json.createObjectBuilder().add("email_address", other).add("expires_in", 3600).build());
        JsonObject attributes = Api.json(api.current(token)).getJsonObject("data").getJsonObject("attributes");
        assertEquals(Instant.parse(attributes.getString("date_create")).plusSeconds(3600),
                Instant.parse(attributes.getString("date_expire")));
        assertTimeout(api.requestToken(other));
    }

    @Test
    void refusesAnInvalidAddressWithTheOriginalMessage() {
        assertError(api.requestToken("foo"), 400, "error_access_tokens_invalid", "Invalid email address: foo");
        assertError(api.requestDeletion("foo@"), 400, "error_access_tokens_invalid", "Invalid email address: foo@");
        assertError(api.delete("@example.com", "code"), 400, "error_access_tokens_invalid",
                "Invalid email address: @example.com");
    }

    @Test
    void refusesAddressesThatRelaysReadAsRoutesAndMailsNothing() {
        for (String route : List.of("me%outside.example@example.com", "outside.example!me@example.com",
                "o'neil&co@example.com", "me=x@example.com", "me/x@example.com")) {
            assertError(api.requestToken(route), 400, "error_access_tokens_invalid", "Invalid email address: " + route);
            assertError(api.requestDeletion(route), 400, "error_access_tokens_invalid", "Invalid email address: " + route);
            assertTrue(TestSmtpServer.mailsTo(route).isEmpty(), route);
        }
    }

    @Test
    void refusesATaggedAddressUnlessTagsAreAllowed() {
        String address = Addresses.fresh("tagged");
        String tagged = address.replace("@", "+x@");

        assertError(api.requestToken(tagged), 400, "error_access_tokens_invalid", "Email address not allowed: " + tagged);
        assertTrue(TestSmtpServer.mailsTo(tagged).isEmpty());
        assertCreated(api.requestToken(address));
    }

    @Test
    void escapesTheLinkInTheHtmlOfTheDeletionMail() throws Exception {
        String address = Addresses.fresh("html");
        assertCreated(api.requestToken(address));
        assertCreated(api.requestDeletion(address));

        MimeMessage mail = TestSmtpServer.awaitMailsTo(address, 2).get(1);
        String html = (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
        assertTrue(html.contains("email_address=" + URLEncoder.encode(address, StandardCharsets.UTF_8)),
                "the link carries the address URL-encoded");
        assertTrue(html.contains("&amp;code="), "the link's & is escaped in the HTML");
    }

    private void assertCreated(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response::body);
        assertServerHeader(response);
        assertEquals(api.base() + "v1/access_tokens", response.headers().firstValue("Location").orElse(null));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(Api.JSON));
        assertEquals(Json.createObjectBuilder().build(), Api.json(response));
    }

    /** Asserts the re-send refusal and returns the seconds it asks to wait. */
    private static long assertTimeout(HttpResponse<String> response) {
        String message = assertError(response, 403, "error_access_tokens_timeout");
        Matcher matcher = RETRY.matcher(message);
        assertTrue(matcher.matches(), message);
        assertEquals(matcher.group(1), response.headers().firstValue("Retry-After").orElse(null), "Retry-After");
        return Long.parseLong(matcher.group(1));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
