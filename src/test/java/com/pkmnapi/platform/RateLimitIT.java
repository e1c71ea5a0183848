package com.pkmnapi.platform;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.HttpClientTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The default rate limit, on a server of its own: 120 requests in 60 s from one client address,
 * whatever the endpoint and whatever {@code X-Forwarded-For} says (no proxy is trusted by default).
 */
class RateLimitIT extends HttpClientTest {

    private static final Pattern MESSAGE = Pattern.compile("Too many requests\\. Please try again in (\\d+) seconds\\.");

    @Test
    void the121stRequestWithinAMinuteGets429OnEveryV1Endpoint() {
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> response = switch (i % 3) {
                case 0 -> api.send("GET", "v1/access_tokens/current", BodyPublishers.noBody(),
                        "X-Forwarded-For", "198.51.100." + i);
                case 1 -> api.requestToken("not-an-address-" + i);
                default -> api.requestDeletion(Addresses.fresh("limit"));
            };
            assertTrue(response.statusCode() != 429, () -> "request " + response.request() + " was limited early");
        }

        for (HttpResponse<String> limited : new HttpResponse[] {
            api.send("GET", "v1/access_tokens/current", BodyPublishers.noBody(), "X-Forwarded-For", "203.0.113.9"),
            api.requestToken(Addresses.fresh("limited")),
            api.delete(Addresses.fresh("limited"), "code")}) {
            Matcher message = MESSAGE.matcher(assertError(limited, 429, "error_too_many_requests"));
            assertTrue(message.matches(), limited::body);
            long seconds = Long.parseLong(message.group(1));
            assertTrue(seconds >= 1 && seconds <= 60, "seconds: " + seconds);
            assertEquals(message.group(1), limited.headers().firstValue("Retry-After").orElse(null));
        }

        assertError(api.send("GET", "v1/health", BodyPublishers.noBody()), 429, "error_too_many_requests");
        HttpResponse<String> page = api.send("GET", "actions/delete-user?email_address=a%40example.com&code=c",
                BodyPublishers.noBody());
        assertEquals(200, page.statusCode(), "only /v1 is limited");
    }
}
