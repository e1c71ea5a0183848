package com.pkmnapi.platform;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.MailRelay;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.MicroServer;
import com.pkmnapi.testsupport.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Payara Micro servers on one PostgreSQL database behave as one service, over HTTP: what one
 * issued, the other verifies; the row locks, windows, cap and codes are the database's, so they
 * hold across both; a revocation on one reaches the other within the revocation delay (1 s), though
 * the other caches tokens for longer. Node A caches nothing ({@code pkmnapi.token.cache.seconds=0}),
 * node B for 5 s. Both are started as
 * README says (driver with {@code --addlibs}, settings and mail relay in the environment). Runs
 * with {@code mvn verify -Ppostgres}.
 */
@EnabledIfSystemProperty(named = "it.database.kind", matches = "postgres")
class TwoNodesIT {

    private static final Path WORK = Path.of(System.getProperty("it.tmp.dir", "target"), "two-nodes");
    /** Longer than the revocation delay, so that only the revocation log can be what refuses in time. */
    private static final Duration B_CACHE = Duration.ofSeconds(5);
    /** pkmnapi.revocation.delay.millis, its default. */
    private static final Duration REVOCATION_DELAY = Duration.ofSeconds(1);
    private static final int WINDOW_SECONDS = 5;
    private static final int CAP = 2;

    private static MailRelay relay;
    private static MicroServer nodeA;
    private static MicroServer nodeB;
    private static Api a;
    private static Api b;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        relay = MailRelay.start();
        String database = TestDatabases.fresh("two_nodes");
        // both boot at once, as a cluster's servers do: the schema is made once (Liquibase's lock)
        CompletableFuture<MicroServer> bootingB = CompletableFuture.supplyAsync(() -> node("b", database, B_CACHE.toSeconds()));
        try {
            nodeA = node("a", database, 0);
        } finally {
            nodeB = bootingB.join();
        }
        a = nodeA.api();
        b = nodeB.api();
    }

    private static MicroServer node(String name, String database, long cacheSeconds) {
        try {
            return boot(name, database, cacheSeconds);
        } catch (Exception e) {
            throw new IllegalStateException("node " + name + " did not start", e);
        }
    }

    private static MicroServer boot(String name, String database, long cacheSeconds) throws Exception {
        return relay.configure(MicroServer.named("node-" + name, WORK))
                .jdbcDriverOfThisRun()
                .environment("PKMNAPI_JDBC_URL", database)
                .environment("PKMNAPI_TOKEN_CACHE_SECONDS", String.valueOf(cacheSeconds))
                .environment("PKMNAPI_RESEND_WINDOW_SECONDS", String.valueOf(WINDOW_SECONDS))
                .environment("PKMNAPI_TOKEN_CAP", String.valueOf(CAP))
                .environment("PKMNAPI_RATE_LIMIT_REQUESTS", "1000")
                // a hundred revoked tokens, each refused once: not a client to slow down
                .environment("PKMNAPI_RATE_LIMIT_FAILED_CHECKS", "1000")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (MicroServer node : new MicroServer[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void aTokenIssuedThroughOneNodeVerifiesOnTheOther() {
        String address = Addresses.fresh("two-nodes-issue");
        String token = issue(a, address);

        HttpResponse<String> onB = b.current(token);

        assertEquals(200, onB.statusCode(), onB.body());
        assertEquals(address, Api.json(onB).getJsonObject("data").getJsonObject("attributes").getString("email_address"));
        assertEquals(200, a.current(token).statusCode());
    }

    @Test
    void simultaneousRequestsSplitAcrossBothNodesGiveOneTokenAndOneMail() throws Exception {
        String address = Addresses.fresh("two-nodes-race");
        int requests = 20;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                Api node = i % 2 == 0 ? a : b;
                answers.add(pool.submit(() -> {
                    start.await();
                    return node.requestToken(address);
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    assertError(response, 403, "error_access_tokens_timeout");
                }
            }
            assertEquals(1, created, "one request of 20 succeeds");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, mailsTo(address).size(), "one mail");
    }

    @Test
    void theWindowAndTheCapHoldAcrossBothNodes() throws Exception {
        String address = Addresses.fresh("two-nodes-cap");
        String first = issue(a, address);

        assertError(b.requestToken(address), 403, "error_access_tokens_timeout");

        assertEquals(200, b.current(first).statusCode(), "used: it counts toward the cap");
        Thread.sleep(WINDOW_SECONDS * 1000L + 200);
        String second = issue(b, address);
        assertEquals(200, a.current(second).statusCode());
        Thread.sleep(WINDOW_SECONDS * 1000L + 200);

        assertError(a.requestToken(address), 403, "error_access_tokens_forbidden");
        assertError(b.requestToken(address), 403, "error_access_tokens_forbidden");
    }

    @Test
    void aDeletionCodeMailedThroughOneNodeWorksOnceOnTheOther() throws Exception {
        String address = Addresses.fresh("two-nodes-code");
        String token = issue(a, address);
        assertEquals(200, b.current(token).statusCode());

        assertEquals(201, a.requestDeletion(address).statusCode());
        String code = Mails.code(Mails.text(awaitMails(address, 2).get(1)));

        assertEquals(204, b.delete(address, code).statusCode());
        assertError(a.delete(address, code), 400, "error_access_tokens_invalid", "Invalid or expired code");
        assertError(a.current(token), 401, "error_access_tokens_unauthorized");
        assertRefusedWithin(b, token, REVOCATION_DELAY);
    }

    @Test
    void aTokenRevokedOnOneNodeIsRefusedOnTheOtherWithinTheRevocationDelay() throws Exception {
        String address = Addresses.fresh("two-nodes-revoke");
        String token = issue(b, address);
        assertEquals(200, b.current(token).statusCode(), "node B has it in its cache now");

        assertEquals(204, a.revokeCurrent(token).statusCode());

        assertRefusedWithin(b, token, REVOCATION_DELAY);
    }

    /**
     * What a token's owner does with the address's tokens is decided by the database: a token
     * revoked on one node can list, revoke and read nothing on the other at once, while the check
     * there may still accept it from its cache for up to the revocation delay.
     */
    @Test
    void aTokenRevokedOnOneNodeCanDoNothingAtTheOwnerEndpointsOfTheOtherAtOnce() throws Exception {
        String address = Addresses.fresh("two-nodes-owner");
        String token = issue(a, address);
        String other = issue(b, Addresses.fresh("two-nodes-owner-other"));
        String otherId = Api.json(b.current(other)).getJsonObject("data").getString("id");
        assertEquals(200, b.current(token).statusCode(), "node B has it in its cache now");
        assertEquals(200, b.list(token).statusCode());

        assertEquals(204, a.revokeCurrent(token).statusCode());

        assertError(b.list(token), 401, "error_access_tokens_unauthorized");
        assertError(b.events(token, ""), 401, "error_access_tokens_unauthorized");
        assertError(b.revoke(token, otherId), 401, "error_access_tokens_unauthorized");
        assertEquals(200, b.current(other).statusCode(), "the other address's token lives on");
    }

    @Test
    void aTokenRevokedOnTheCachingNodeIsRefusedAtOnceOnTheNodeWithoutCache() throws Exception {
        String address = Addresses.fresh("two-nodes-revoke-b");
        String first = issue(a, address);
        assertEquals(200, a.current(first).statusCode());

        assertEquals(204, b.revokeCurrent(first).statusCode());

        assertError(a.current(first), 401, "error_access_tokens_unauthorized");
        assertError(b.current(first), 401, "error_access_tokens_unauthorized");
    }

    /** The check and the introspection of node B, asked in turn after each revocation. */
    @Test
    void aHundredRevocationsThroughOneNodeAreEachRefusedOnTheOtherWithinTheDelay() throws Exception {
        Duration worstCheck = Duration.ZERO;
        Duration worstIntrospection = Duration.ZERO;
        for (int i = 0; i < 100; i++) {
            String token = issue(a, Addresses.fresh("two-nodes-revoke-many"));
            assertEquals(200, b.current(token).statusCode(), "node B has it in its cache now");
            assertTrue(b.introspect(token).body().startsWith("{\"active\":true"), "and is introspected as active");
            assertEquals(204, a.revokeCurrent(token).statusCode());
            long revoked = System.nanoTime();
            Duration check = null;
            Duration introspection = null;
            while ((check == null || introspection == null) && System.nanoTime() - revoked < B_CACHE.plusSeconds(1).toNanos()) {
                if (check == null) {
                    int status = b.current(token).statusCode();
                    if (status == 401) {
                        check = Duration.ofNanos(System.nanoTime() - revoked);
                    } else {
                        assertEquals(200, status, "accepted from the cache or refused, nothing else");
                    }
                }
                if (introspection == null) {
                    HttpResponse<String> answer = b.introspect(token);
                    assertEquals(200, answer.statusCode(), answer::body);
                    if (answer.body().equals("{\"active\":false}")) {
                        introspection = Duration.ofNanos(System.nanoTime() - revoked);
                    }
                }
            }
            assertTrue(check != null && introspection != null,
                    "refused at all before its cache time ran out: check " + check + ", introspection " + introspection);
            worstCheck = check.compareTo(worstCheck) > 0 ? check : worstCheck;
            worstIntrospection = introspection.compareTo(worstIntrospection) > 0 ? introspection : worstIntrospection;
        }
        System.out.println("100 revocations through node A: the longest until node B refused the token: check "
                + worstCheck.toMillis() + " ms, introspection " + worstIntrospection.toMillis() + " ms");
        for (Duration worst : List.of(worstCheck, worstIntrospection)) {
            assertTrue(worst.compareTo(REVOCATION_DELAY.plusMillis(500)) < 0,
                    "each within the revocation delay (+0.5 s for this loaded machine), the longest " + worst.toMillis() + " ms");
        }
    }

    /** Refused no later than the delay (and some slack for this loaded machine) after now. */
    private static void assertRefusedWithin(Api node, String token, Duration cacheTime) throws InterruptedException {
        long started = System.nanoTime();
        long limit = started + cacheTime.plusMillis(1500).toNanos();
        int status;
        do {
            status = node.current(token).statusCode();
            if (status == 401) {
                break;
            }
            assertEquals(200, status, "accepted from the cache or refused, nothing else");
            Thread.sleep(100);
        } while (System.nanoTime() < limit);
        assertEquals(401, status, "refused within " + cacheTime.toMillis() + " ms of the revocation (+1.5 s slack); waited "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    private static String issue(Api node, String address) {
        int before = mailsTo(address).size();
        HttpResponse<String> response = node.requestToken(address);
        assertEquals(201, response.statusCode(), response.body());
        List<MimeMessage> mails = mailsTo(address);
        assertEquals(before + 1, mails.size(), "one more mail");
        return Mails.token(Mails.text(mails.get(mails.size() - 1)));
    }

    private static List<MimeMessage> awaitMails(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<MimeMessage> mails = mailsTo(address);
        while (mails.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            mails = mailsTo(address);
        }
        assertEquals(count, mails.size(), "mails to " + address);
        return mails;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return relay.mailsTo(address);
    }
}
