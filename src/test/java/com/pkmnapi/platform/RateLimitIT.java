package com.pkmnapi.platform;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Tokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default limits, on a server of its own (no proxy is trusted by default, so
 * {@code X-Forwarded-For} changes nothing): 120 requests in 60 s to the three mail endpoints, 60
 * failed token checks, and none for checks with a live token. The tests pass in any order: the
 * mail requests come from the IPv6 loopback address, everything else from the IPv4 one, and the
 * failed checks do not hold up checks with a live token.
 */
class RateLimitIT extends HttpClientTest {

    private static final Pattern MESSAGE = Pattern.compile("Too many requests\\. Please try again in (\\d+) seconds\\.");

    @BeforeEach
    void overIpv4Loopback() {
        api = api.overLoopback();
    }

    @Test
    void the121stRequestToTheMailEndpointsWithinAMinuteGets429AndNothingElseIsLimited() {
        Api api = this.api.overIpv6Loopback();
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> response = switch (i % 3) {
                // an invalid address, not a wrong code: wrong codes have a limit of their own
                case 0 -> api.delete("not-an-address-" + i, "code");
                case 1 -> api.requestToken("not-an-address-" + i);
                default -> api.requestDeletion(Addresses.fresh("limit"));
            };
            assertTrue(response.statusCode() != 429, () -> "request " + response.request() + " was limited early");
        }

        for (HttpResponse<String> limited : new HttpResponse[] {
            api.send("POST", "v1/access_tokens", BodyPublishers.ofString(""), "Content-Type", "application/json",
                    "X-Forwarded-For", "203.0.113.9"),
            api.requestToken(Addresses.fresh("limited")),
            api.requestDeletion(Addresses.fresh("limited")),
            api.delete(Addresses.fresh("limited"), "code")}) {
            assertTooManyRequests(limited);
        }

        assertEquals(200, api.send("GET", "v1/health", BodyPublishers.noBody()).statusCode(), "health is never limited");
        HttpResponse<String> page = api.send("GET", "actions/delete-user?email_address=a%40example.com&code=c",
                BodyPublishers.noBody());
        assertEquals(200, page.statusCode(), "nor is the confirmation page");
    }

    @Test
    void the61stFailedTokenCheckWithinAMinuteGets429() {
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> response = i % 2 == 0 ? api.current(Secrets.newToken())
                    : api.send("GET", "v1/access_tokens/current", BodyPublishers.noBody(), "X-Forwarded-For", "203.0.113." + i);
            assertEquals(401, response.statusCode(), "failed check " + (i + 1) + " of the limit");
        }

        assertTooManyRequests(api.current(Secrets.newToken()));
        assertTooManyRequests(api.revokeCurrent("pkmn_at_malformed"));
        assertEquals(200, api.send("GET", "v1/health", BodyPublishers.noBody()).statusCode(), "health is never limited");
    }

    /** Before, the 121st check of a minute got 429: a gateway checks every request of its users. */
    @Test
    void fiveThousandChecksWithALiveTokenFromOneAddressWithinAMinuteAllAnswer200() {
        String token = Tokens.issue(api, Addresses.fresh("gateway"));

        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 5_000; i++) {
            statuses.merge(api.current(token).statusCode(), 1, Integer::sum);
        }

        assertEquals(Map.of(200, 5_000), statuses);
    }

    private static void assertTooManyRequests(HttpResponse<String> limited) {
        Matcher message = MESSAGE.matcher(assertError(limited, 429, "error_too_many_requests"));
        assertTrue(message.matches(), limited::body);
        long seconds = Long.parseLong(message.group(1));
        assertTrue(seconds >= 1 && seconds <= 60, "seconds: " + seconds);
        assertEquals(message.group(1), limited.headers().firstValue("Retry-After").orElse(null));
    }
}
