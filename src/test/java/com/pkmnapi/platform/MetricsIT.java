package com.pkmnapi.platform;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.Deployments;
import com.pkmnapi.testsupport.PrometheusText;
import com.pkmnapi.testsupport.PrometheusText.Sample;
import com.pkmnapi.testsupport.SystemPrograms;
import com.pkmnapi.testsupport.Tokens;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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
 * {@code GET /v1/metrics}: read as Prometheus reads it (the official Python client's parser), the
 * counts follow what the test did, and only the allowed clients (loopback by default) read it. On
 * the server with short settings (10 failed checks a minute per client, loopback a trusted proxy):
 * the test's traffic comes from clients of its own, named in {@code X-Forwarded-For}; the scrapes
 * from loopback itself.
 */
@SystemPrograms.Require(SystemPrograms.Program.PROMETHEUS_PARSER)
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Deployment(testable = false)
    @TargetsContainer("short")
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    Api scraper;
    Api client;

    @BeforeEach
    void clients() {
        scraper = new Api(base).overLoopback();
        client = new Api(base).overLoopback().withHeaders("X-Forwarded-For", "198.18.0." + CLIENTS.incrementAndGet());
    }

    @Test
    void theMetricsAreThePrometheusTextFormatAndCountWhatHappened() throws Exception {
        List<Sample> before = scrape();
        String token = Tokens.issue(client, Addresses.fresh("metrics"));
        String revoked = Tokens.issue(client, Addresses.fresh("metrics-revoked"));
        assertEquals(204, client.revokeCurrent(revoked).statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.current(token).statusCode());
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(401, client.current(revoked).statusCode());
        }
        assertEquals(401, client.send("GET", "v1/access_tokens/current", BodyPublishers.noBody()).statusCode());

        List<Sample> after = scrape();

        assertEquals(4, increase(before, after, "pkmnapi_token_checks_total", Map.of("outcome", "valid")),
                "three checks and the revocation's own");
        assertEquals(2, increase(before, after, "pkmnapi_token_checks_total", Map.of("outcome", "invalid")));
        assertEquals(1, increase(before, after, "pkmnapi_token_checks_total", Map.of("outcome", "missing")));
        assertEquals(6, increase(before, after, "pkmnapi_token_cache_lookups_total", Map.of("result", "hit"))
                + increase(before, after, "pkmnapi_token_cache_lookups_total", Map.of("result", "miss")),
                "every check of a well-formed token looks in the cache");
        assertEquals(2, increase(before, after, "pkmnapi_mails_seconds_count", Map.of("kind", "token", "outcome", "sent")));
        assertTrue(after.stream().anyMatch(sample -> sample.name().equals("pkmnapi_mails_seconds_bucket")
                && sample.has("kind", "token") && sample.has("le", "+Inf") && sample.type().equals("histogram")),
                "the mails' latency is a histogram");
        assertEquals(2, increase(before, after, "pkmnapi_requests_seconds_count",
                Map.of("method", "POST", "endpoint", "/v1/access_tokens", "status", "201")));
        assertEquals(1, increase(before, after, "pkmnapi_requests_seconds_count",
                Map.of("method", "DELETE", "endpoint", "/v1/access_tokens/current", "status", "204")));
        assertEquals(0, value(after, "pkmnapi_mails_in_flight", Map.of()), "no mail on its way now");
        assertTrue(value(after, "pkmnapi_tokens_live", Map.of()) >= 0, "the live tokens, sampled");
    }

    @Test
    void refusalsByTheRateLimitsAreCounted() throws Exception {
        String revoked = Tokens.issue(client, Addresses.fresh("metrics-limit"));
        assertEquals(204, client.revokeCurrent(revoked).statusCode());
        List<Sample> before = scrape();

        int refused = 0;
        for (int i = 0; i < 11; i++) {
            if (client.current(revoked).statusCode() == 429) {
                refused++;
            }
        }

        assertEquals(1, refused, "the eleventh of ten failed checks a minute");
        assertEquals(1, increase(before, scrape(), "pkmnapi_rate_limit_refusals_total", Map.of("limit", "failed_checks")));
    }

    /**
     * Past its limit, a client's forged tokens (the checksum is public) are refused without a
     * database query: before, each of them was a cache miss and a look-up. A live token, cached or
     * not, is still accepted for that client. (This server's tokens live 4 s: the live ones are
     * issued after the flood, which takes longer than that on a loaded machine.)
     */
    @Test
    void pastTheFailedCheckLimitForgedTokensReachNoDatabase() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, client.current(Secrets.newToken()).statusCode(), "failed check " + (i + 1) + " of ten");
        }
        List<Sample> before = scrape();

        int limited = 0;
        for (int i = 0; i < 300; i++) {
            limited += client.current(Secrets.newToken()).statusCode() == 429 ? 1 : 0;
        }
        List<Sample> after = scrape();

        assertEquals(300, limited);
        double misses = increase(before, after, "pkmnapi_token_cache_lookups_total", Map.of("result", "miss"));
        double notStored = increase(before, after, "pkmnapi_token_cache_lookups_total", Map.of("result", "not_stored"));
        assertEquals(300, misses + notStored, "every forged token was looked for");
        assertTrue(misses <= 30, "about 1 in 100 may reach the database, not " + misses);
        String cachedToken = Tokens.issue(client, Addresses.fresh("metrics-over-cached"));
        assertEquals(200, client.current(cachedToken).statusCode(), "a live token is never limited: uncached");
        assertEquals(200, client.current(cachedToken).statusCode(), "nor cached");
        String uncachedToken = Tokens.issue(client, Addresses.fresh("metrics-over-uncached"));
        assertEquals(200, client.current(uncachedToken).statusCode(), "nor one issued after the flood");
        assertEquals(429, client.current(Secrets.newToken()).statusCode(), "while the client is still past its limit");
    }

    @Test
    void anyOtherClientGetsTheNotFoundOfAPathThatIsNotThere() {
        HttpResponse<String> refused = client.send("GET", "v1/metrics", BodyPublishers.noBody());
        HttpResponse<String> nowhere = client.send("GET", "v1/no-metrics-here", BodyPublishers.noBody());

        assertError(refused, 404, "error_not_found");
        assertEquals(nowhere.body(), refused.body());
        assertFalse(refused.body().contains("pkmnapi_"), "no metric in the answer");
    }

    private List<Sample> scrape() throws Exception {
        HttpResponse<String> metrics = scraper.send("GET", "v1/metrics", BodyPublishers.noBody(), "Accept", "text/plain");
        assertEquals(200, metrics.statusCode(), metrics::body);
        List<String> contentType = List.of(metrics.headers().firstValue("Content-Type").orElse("").replace(" ", "").split(";"));
        assertEquals("text/plain", contentType.get(0), contentType::toString);
        assertTrue(contentType.contains("version=0.0.4"), contentType::toString);
        return PrometheusText.parse(metrics.body());
    }

    private static double increase(List<Sample> before, List<Sample> after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** The sample of that name whose labels include these; 0 where there is none yet (a counter not yet made). */
    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        assertTrue(matching.size() <= 1, () -> "one series: " + matching);
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }
}
