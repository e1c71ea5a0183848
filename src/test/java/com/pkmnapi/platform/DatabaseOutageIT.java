package com.pkmnapi.platform;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.MailRelay;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.MicroServer;
import com.pkmnapi.testsupport.TcpProxy;
import com.pkmnapi.testsupport.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A database outage, over HTTP, on a Payara Micro server whose pool reaches PostgreSQL or MariaDB
 * through a TCP proxy that the test cuts (every connection reset, every new one refused at once,
 * as a stopped or failing-over database answers) and restores: token checks this server made just
 * before go on answering 200, everything else that needs the database answers 503
 * {@code error_service_unavailable} with {@code Retry-After} within two seconds, readiness says
 * DOWN then UP, liveness stays UP, nothing is 500, the log gets one warning, and no stack trace
 * per request once the first failure has found the database gone, and
 * after it every check and a new issuance work without a restart. Runs with
 * {@code mvn verify -Ppostgres} and {@code -Pmariadb}.
 */
@EnabledIfSystemProperty(named = "it.database.kind", matches = "postgres|mariadb")
class DatabaseOutageIT {

    private static final Path WORK = Path.of(System.getProperty("it.tmp.dir", "target"), "database-outage");
    private static final Duration CACHE = Duration.ofSeconds(2);
    private static final Duration FAST = Duration.ofSeconds(2);

    private static MailRelay relay;
    private static TcpProxy proxy;
    private static MicroServer server;
    private static Api api;

    @BeforeAll
    static void startAServerWhoseDatabaseIsBehindTheProxy() throws Exception {
        relay = MailRelay.start();
        String database = TestDatabases.fresh("outage");
        URI direct = URI.create(database.substring("jdbc:".length()));
        proxy = new TcpProxy(direct.getHost(), direct.getPort());
        String throughProxy = database.replaceFirst("//" + direct.getHost() + ":" + direct.getPort() + "/",
                "//127.0.0.1:" + proxy.port() + "/");
        server = relay.configure(MicroServer.named("outage", WORK))
                .jdbcDriverOfThisRun()
                .environment("PKMNAPI_JDBC_URL", throughProxy)
                .environment("PKMNAPI_TOKEN_CACHE_SECONDS", String.valueOf(CACHE.toSeconds()))
                .environment("PKMNAPI_RATE_LIMIT_REQUESTS", "1000")
                .start();
        api = server.api();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void checksMadeJustBeforeGoOnEverythingElseIs503AtOnceAndAllWorksAgainAfterwards() throws Exception {
        String checked = issue(Addresses.fresh("outage-checked"));
        String unchecked = issue(Addresses.fresh("outage-unchecked"));
        String revoked = issue(Addresses.fresh("outage-revoked"));
        assertEquals(200, api.current(revoked).statusCode());
        assertEquals(204, api.revokeCurrent(revoked).statusCode());
        assertReady(true);
        // the last contact with the database before the cut: the server trusts, during an outage,
        // only what it read after it last reached the database (a probe or any look-up) - on a
        // slow machine a check made before the steps above could be older than that
        assertEquals(200, api.current(checked).statusCode());
        int logBefore = server.log().length();

        proxy.cut();

        // past the cache time: the check made just before still answers, from this server's memory
        long outageEnds = System.nanoTime() + CACHE.plusSeconds(2).toNanos();
        int checks = 0;
        while (System.nanoTime() < outageEnds) {
            HttpResponse<String> answer = timed(() -> api.current(checked), "a cached check");
            assertEquals(200, answer.statusCode(), answer.body());
            checks++;
            Thread.sleep(100);
        }
        assertTrue(checks > 10, "checked " + checks + " times during the outage");
        // by now a check has found the database gone: what the server logged for that first
        // failure (the pool's and the EJB container's own reports) is in the log before this
        int logGated = server.log().length();
        for (int i = 0; i < 3; i++) {
            assertUnavailable(timed(() -> api.current(unchecked), "a check of a token not cached"));
            assertUnavailable(timed(() -> api.requestToken(Addresses.fresh("outage-new")), "an issuance"));
            assertUnavailable(timed(() -> api.list(checked), "the owner's list"));
        }
        HttpResponse<String> revokedCheck = timed(() -> api.current(revoked), "a check of a token revoked before");
        assertNotEquals(200, revokedCheck.statusCode(), "a revocation recorded before the outage holds");
        assertReady(false);
        assertEquals(200, api.send("GET", "v1/health", BodyPublishers.noBody()).statusCode(), "liveness stays up");
        String log = server.log();
        String duringOutage = log.substring(logBefore);
        String gated = log.substring(logGated);

        proxy.restore();

        awaitReady();
        assertEquals(200, api.current(unchecked).statusCode(), "first check after: no dead connection handed out");
        assertEquals(200, api.current(checked).statusCode());
        assertError(api.current(revoked), 401, "error_access_tokens_unauthorized");
        String fresh = issue(Addresses.fresh("outage-after"));
        assertEquals(200, api.current(fresh).statusCode());
        for (int i = 0; i < 20; i++) {
            assertEquals(200, api.current(i % 2 == 0 ? unchecked : fresh).statusCode());
        }

        assertFalse(duringOutage.contains("Unexpected failure"), duringOutage);
        assertFalse(gated.contains("\tat "), "no stack trace per request once the outage is known:\n" + gated);
        long warnings = duringOutage.lines().filter(line -> line.contains("The database cannot be reached")).count();
        assertTrue(warnings <= 1, "at most one warning a minute: " + warnings + "\n" + duringOutage);
    }

    private static void assertUnavailable(HttpResponse<String> answer) {
        assertError(answer, 503, "error_service_unavailable");
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After");
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request, String what) {
        long started = System.nanoTime();
        HttpResponse<String> answer = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(FAST) < 0, what + " took " + took.toMillis() + " ms during the outage: " + answer.statusCode());
        assertNotEquals(500, answer.statusCode(), answer.body());
        return answer;
    }

    private static void assertReady(boolean ready) {
        HttpResponse<String> answer = api.send("GET", "v1/health/ready", BodyPublishers.noBody());
        String state = ready ? "UP" : "DOWN";
        assertEquals(ready ? 200 : 503, answer.statusCode(), answer.body());
        assertEquals("{\"status\":\"" + state + "\",\"checks\":{\"database\":\"" + state + "\"}}", answer.body());
    }

    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (api.send("GET", "v1/health/ready", BodyPublishers.noBody()).statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "ready again within 15 s of the database's return");
            Thread.sleep(200);
        }
    }

    private static String issue(String address) {
        HttpResponse<String> response = api.requestToken(address);
        assertEquals(201, response.statusCode(), response.body());
        List<MimeMessage> mails = mailsTo(address);
        assertEquals(1, mails.size(), "one mail");
        return Mails.token(Mails.text(mails.get(0)));
    }

    private static List<MimeMessage> mailsTo(String address) {
        return relay.mailsTo(address);
    }
}
