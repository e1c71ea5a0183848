package com.pkmnapi.audit;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.Deployments;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.TestSmtpServer;
import com.pkmnapi.testsupport.Tokens;
import com.pkmnapi.testsupport.container.AuditProbe;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail over HTTP: what the owner reads at {@code GET /v1/access_tokens/events}, what
 * the table and the audit log hold (read through the test deployment's {@link AuditProbe}), and
 * that neither holds a token or a code. On the server with short settings (1 s re-send window, 20
 * mail requests and 10 failed checks per client and minute, loopback a trusted proxy), each test a
 * client of its own named in {@code X-Forwarded-For}: a random one, since the database may hold the
 * events of an earlier build's run (the builds of .ci/run share target/), whose clients and counts
 * must not mix with this run's.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The columns of the probe's rows. */
    private static final int KIND = 1;
    private static final int OUTCOME = 2;
    private static final int TOKEN_ID = 3;
    private static final int EMAIL_ADDRESS = 4;
    private static final int CLIENT_ADDRESS = 5;
    private static final int OCCURRENCES = 6;

    @Deployment(testable = false)
    @TargetsContainer("short")
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    Api api;
    String client;

    @BeforeEach
    void client() {
        client = randomClient();
        api = new Api(base).overLoopback().withHeaders("X-Forwarded-For", client);
    }

    private static String randomClient() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    @Test
    void theOwnerReadsWhatHappenedToTheAddressNewestFirstWithTheClientAndNeverASecret() throws Exception {
        String address = Addresses.fresh("audit");
        List<String> secrets = new ArrayList<>();
        String first = Tokens.issue(api, address);
        secrets.add(first);
        String firstId = id(first);
        assertEquals(403, api.requestToken(address).statusCode(), "within the re-send window");
        Thread.sleep(1100);
        String second = Tokens.issue(api, address);
        secrets.add(second);
        String secondId = id(second);
        assertEquals(204, api.revoke(second, firstId).statusCode());
        assertEquals(201, api.requestDeletion(address).statusCode());
        String code = Mails.code(Mails.text(TestSmtpServer.awaitMailsTo(address, 3).get(2)));
        secrets.add(code);
        String wrongCode = code.substring(1) + (code.charAt(0) == 'a' ? 'b' : 'a');
        assertError(api.delete(address, wrongCode), 400, "error_access_tokens_invalid", "Invalid or expired code");
        assertEquals(204, api.delete(address, code).statusCode());
        Thread.sleep(1100);
        String third = Tokens.issue(api, address);
        secrets.add(third);
        String bystander = Tokens.issue(api, Addresses.fresh("audit-bystander"));
        secrets.add(bystander);

        HttpResponse<String> read = api.events(third, "");

        assertEquals(200, read.statusCode(), read::body);
        JsonObject page = Api.json(read);
        assertTrue(page.getJsonObject("links").isNull("next"), "one page");
        List<String> seen = page.getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .map(event -> {
                    assertEquals("events", event.getString("type"));
                    JsonObject attributes = event.getJsonObject("attributes");
                    assertEquals(client, attributes.getString("client_address"), attributes::toString);
                    assertEquals(1, attributes.getInt("occurrences"));
                    String token = attributes.isNull("token_id") ? "-" : attributes.getString("token_id");
                    return attributes.getString("kind") + " " + attributes.getString("outcome") + " " + token;
                })
                .toList();
        String thirdId = id(third);
        assertEquals(List.of(
                "token_issued success " + thirdId,
                "token_revoked_by_code success " + secondId,
                "deletion_code_refused wrong_code -",
                "deletion_requested code_mailed -",
                "token_revoked_by_id success " + firstId,
                "token_issued success " + secondId,
                "token_request_refused resend_window -",
                "token_issued success " + firstId), seen, "the address's events, newest first; none of the bystander's");

        assertEquals(204, api.revokeCurrent(third).statusCode());
        JsonObject trail = trail();
        assertTrue(rowsOf(trail, address).stream().anyMatch(row -> row.getString(KIND).equals("token_revoked_by_itself")
                && row.getString(TOKEN_ID).equals(thirdId)), "the revocation by itself is in the table");
        for (String secret : secrets) {
            assertFalse(trail.toString().contains(secret), "no token or code in the audit table or its log");
        }
        assertLogHoldsEveryStoredEventOf(trail, client);
    }

    @Test
    void pagesFollowOneAnotherByTheNextLinkWithoutGapOrRepeat() {
        String address = Addresses.fresh("audit-pages");
        for (int i = 0; i < 5; i++) {
            // from five clients: one client's wrong codes would be one event with its count
            Api other = new Api(base).overLoopback().withHeaders("X-Forwarded-For", randomClient());
            assertEquals(400, other.delete(address, "wrongcode" + i).statusCode());
        }
        String token = Tokens.issue(api, address);
        List<String> all = ids(Api.json(api.events(token, "?limit=100")));
        assertEquals(6, all.size(), "five wrong codes and the token");

        List<String> paged = new ArrayList<>();
        String query = "?limit=2";
        int pages = 0;
        while (query != null) {
            JsonObject page = Api.json(api.events(token, query));
            List<String> ids = ids(page);
            assertTrue(ids.size() <= 2);
            paged.addAll(ids);
            pages++;
            JsonValue next = page.getJsonObject("links").get("next");
            if (next.getValueType() == JsonValue.ValueType.NULL) {
                query = null;
            } else {
                URI link = URI.create(((jakarta.json.JsonString) next).getString());
                assertEquals("https://tokens.example.com/v1/access_tokens/events", link.resolve(link.getRawPath()).toString(),
                        "the next page at the public address");
                query = "?" + link.getRawQuery();
            }
        }
        assertEquals(3, pages);
        assertEquals(all, paged);
        assertEquals(all.size(), new HashSet<>(paged).size());
    }

    @Test
    void pagingParametersOutsideTheirRangeAreRefusedInTheEnvelope() {
        String token = Tokens.issue(api, Addresses.fresh("audit-params"));
        for (String query : List.of("?limit=0", "?limit=101", "?limit=ten", "?limit=-1", "?limit=99999999999")) {
            assertError(api.events(token, query), 400, "error_access_tokens_invalid", "limit must be a whole number from 1 to 100");
        }
        for (String query : List.of("?before=yesterday", "?before=", "?before=0195F3B2-0000-7000-8000-000000000000")) {
            assertError(api.events(token, query), 400, "error_access_tokens_invalid", "before must be the id of an event");
        }
        assertEquals(401, api.send("GET", "v1/access_tokens/events", BodyPublishers.noBody()).statusCode());
    }

    @Test
    void failedChecksOfAClientAreCountedAsAFewEventsNotOneEach() {
        String revoked = Tokens.issue(api, Addresses.fresh("audit-checks"));
        assertEquals(204, api.revokeCurrent(revoked).statusCode());
        for (int i = 0; i < 15; i++) {
            api.current(revoked);
        }
        api.send("GET", "v1/access_tokens/current", BodyPublishers.noBody());

        store();
        JsonObject trail = trail();
        List<JsonArray> checks = rows(trail).stream()
                .filter(row -> client.equals(row.getString(CLIENT_ADDRESS, null)) && row.getString(KIND).equals("token_check_failed"))
                .toList();
        assertEquals(10, occurrences(checks, "invalid"), "the first ten, refused as invalid");
        assertEquals(6, occurrences(checks, "rate_limited"), "past ten, the 429s: five invalid tokens and one missing header");
        assertTrue(checks.size() <= 4, "a few events, one per outcome and minute: " + checks);
        checks.forEach(row -> assertTrue(row.isNull(EMAIL_ADDRESS), "a failed check names no address"));
    }

    @Test
    void refusalsAClientRepeatsAreCountedIntoAFewEventsNotOneEach() {
        String address = Addresses.fresh("audit-flood");
        String token = Tokens.issue(api, address);
        int window = 0;
        int limited = 0;
        for (int i = 0; i < 24; i++) {
            int status = api.requestToken(address).statusCode();
            window += status == 403 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertEquals(5, limited, "the 21st to the 25th of 20 mail requests a minute");
        assertTrue(window >= 10, "most within the 1 s window: " + window);

        List<JsonArray> stored = rows(trail()).stream().filter(row -> client.equals(row.getString(CLIENT_ADDRESS, null))).toList();
        assertTrue(stored.stream().anyMatch(row -> row.getString(OUTCOME).equals("resend_window")),
                "the first refusal is stored at once, for the owner to see: " + stored);
        store();
        JsonObject trail = trail();
        List<JsonArray> refusals = rows(trail).stream()
                .filter(row -> client.equals(row.getString(CLIENT_ADDRESS, null)) && row.getString(KIND).equals("token_request_refused"))
                .toList();
        assertEquals(window, occurrences(refusals, "resend_window"));
        assertEquals(limited, occurrences(refusals, "rate_limited"));
        assertTrue(refusals.size() <= 4, "one event per outcome and minute, not " + (window + limited) + ": " + refusals);
        long lines = trail.getJsonArray("log").stream().filter(line -> line.toString().contains(client)
                && line.toString().contains("token_request_refused")).count();
        assertTrue(lines <= 2L * refusals.size(), "a line when stored and one when counted: " + lines);
        assertLogHoldsEveryStoredEventOf(trail, client, 2);

        // the owner reads the count, not a row each
        long owned = Api.json(api.events(token, "")).getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .map(event -> event.getJsonObject("attributes"))
                .filter(attributes -> attributes.getString("outcome").equals("resend_window"))
                .mapToLong(attributes -> attributes.getInt("occurrences")).sum();
        assertEquals(window, owned);
    }

    @Test
    void mailRequestsPastTheClientsLimitAreRecordedWithoutAnAddress() {
        String address = Addresses.fresh("audit-limit");
        int limited = 0;
        for (int i = 0; i < 21; i++) {
            if (api.requestToken(address).statusCode() == 429) {
                limited++;
            }
        }
        assertEquals(1, limited, "the 21st of 20 a minute");
        List<JsonArray> refusals = rows(trail()).stream()
                .filter(row -> client.equals(row.getString(CLIENT_ADDRESS, null)))
                .filter(row -> row.getString(OUTCOME).equals("rate_limited"))
                .toList();
        assertEquals(1, refusals.size());
        assertEquals("token_request_refused", refusals.get(0).getString(KIND));
        assertTrue(refusals.get(0).isNull(EMAIL_ADDRESS), "the body of a refused request is not read");
    }

    private static long occurrences(List<JsonArray> rows, String outcome) {
        return rows.stream().filter(row -> row.getString(OUTCOME).equals(outcome))
                .mapToLong(row -> Long.parseLong(row.getString(OCCURRENCES))).sum();
    }

    /** Every event of the client in the table has its JSON line in the audit log, field for field. */
    private static void assertLogHoldsEveryStoredEventOf(JsonObject trail, String client) {
        assertLogHoldsEveryStoredEventOf(trail, client, 9);
    }

    private static void assertLogHoldsEveryStoredEventOf(JsonObject trail, String client, int least) {
        Set<String> logged = new HashSet<>();
        for (JsonValue line : trail.getJsonArray("log")) {
            JsonObject event = Json.createReader(new StringReader(((jakarta.json.JsonString) line).getString())).readObject();
            assertNotNull(event.getString("time"));
            logged.add(String.join(" ", event.getString("id"), event.getString("kind"), event.getString("outcome"),
                    text(event, "token_id"), text(event, "email_address"), text(event, "client_address"),
                    String.valueOf(event.getInt("occurrences"))));
        }
        List<JsonArray> rows = rows(trail).stream().filter(row -> client.equals(row.getString(CLIENT_ADDRESS, null))).toList();
        assertTrue(rows.size() >= least, "the test's events: " + rows);
        for (JsonArray row : rows) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(row.isNull(i) ? "-" : row.getString(i));
            }
            assertTrue(logged.contains(String.join(" ", values)), "logged: " + values);
        }
    }

    private static String text(JsonObject event, String name) {
        return event.isNull(name) ? "-" : event.getString(name);
    }

    private static List<JsonArray> rows(JsonObject trail) {
        return trail.getJsonArray("rows").stream().map(JsonValue::asJsonArray).toList();
    }

    private static List<JsonArray> rowsOf(JsonObject trail, String address) {
        return rows(trail).stream().filter(row -> address.equals(row.getString(EMAIL_ADDRESS, null))).toList();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("data").stream().map(event -> event.asJsonObject().getString("id")).toList();
    }

    private JsonObject trail() {
        HttpResponse<String> read = api.send("GET", AuditProbe.PATH.substring(1), BodyPublishers.noBody());
        assertEquals(200, read.statusCode(), read::body);
        return Api.json(read);
    }

    private void store() {
        assertEquals(204, api.send("POST", AuditProbe.PATH.substring(1), BodyPublishers.noBody()).statusCode());
    }

    private String id(String token) {
        HttpResponse<String> current = api.current(token);
        assertEquals(200, current.statusCode(), current::body);
        return Api.json(current).getJsonObject("data").getString("id");
    }
}
