package com.pkmnapi.accesstokens.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.ApacheHttpd;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Nginx;
import com.pkmnapi.testsupport.SystemPrograms;
import com.pkmnapi.testsupport.Tokens;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateways page's Apache httpd recipe: Debian's httpd with mod_oauth2 in front of a service,
 * introspecting each request's token at {@code POST /v1/introspect} as the development client of
 * the realm (src/test/resources/apache/gateway.conf). The service behind is an HTTP server of the
 * test JVM that records the headers of every request it gets.
 */
@SystemPrograms.Require(SystemPrograms.Program.APACHE_OAUTH2)
class ApacheGatewayIT extends HttpClientTest {

    private static final String PAGE = "the protected page\n";
    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The headers of each request the service behind got, lower-case names. */
    private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
    private HttpServer service;
    private ApacheHttpd httpd;

    @BeforeEach
    void start() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", Nginx.freePort()), 0);
        service.createContext("/", exchange -> {
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
            received.add(headers);
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        URI pkmnapi = api.overLoopback().base();
        httpd = ApacheHttpd.start("apache/gateway.conf", Map.of(
                "INTROSPECT", pkmnapi.resolve("v1/introspect").toString(),
                "PROTECTED", "127.0.0.1:" + service.getAddress().getPort()));
    }

    @AfterEach
    void stop() throws Exception {
        if (httpd != null) {
            httpd.close();
        }
        if (service != null) {
            service.stop(0);
        }
    }

    @Test
    void aLiveTokenGetsThePageWithWhoIsCallingAndWithoutTheToken() throws Exception {
        String address = Addresses.fresh("apache-live");
        String token = Tokens.issue(api, address);
        String id = Api.json(api.current(token)).getJsonObject("data").getString("id");

        HttpResponse<String> page = send(token, "X-Pkmnapi-Email", "boss@example.com", "X-Pkmnapi-Token-Id", "forged");

        assertEquals(200, page.statusCode(), () -> page.body() + log());
        assertEquals(PAGE, page.body());
        assertEquals(1, received.size());
        Map<String, List<String>> headers = received.get(0);
        assertEquals(List.of(address), headers.get("x-pkmnapi-email"), headers::toString);
        assertEquals(List.of(id), headers.get("x-pkmnapi-token-id"), headers::toString);
        assertTrue(!headers.containsKey("authorization"), "the service behind never sees the token: " + headers);
        assertTrue(headers.values().stream().flatMap(List::stream).noneMatch(value -> value.contains(token)),
                "nor in another header: " + headers);
    }

    @Test
    void aRevokedUnknownOrMissingTokenGets401AndNeverReachesTheService() throws Exception {
        String revoked = Tokens.issue(api, Addresses.fresh("apache-revoked"));
        assertEquals(204, api.revokeCurrent(revoked).statusCode());

        for (String token : new String[] {revoked, Secrets.newToken(), "pkmn_at_nonsense", null}) {
            HttpResponse<String> refused = send(token);
            assertEquals(401, refused.statusCode(), () -> "for " + token + ": " + refused.body() + log());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    refused.headers().map()::toString);
        }
        assertEquals(List.of(), received, "no request reached the service behind");
    }

    /** The gateway's introspection client is "introspector": the service, for tokens bound to services. */
    @Test
    void aTokenBoundToTheGatewaysServiceGetsThePageOneBoundToOthersDoesNot() throws Exception {
        String forIt = Tokens.issue(api, Json.createObjectBuilder().add("email_address", Addresses.fresh("apache-bound"))
                .add("audience", Json.createArrayBuilder().add("introspector")).build());
        String forOthers = Tokens.issue(api, Json.createObjectBuilder().add("email_address", Addresses.fresh("apache-bound-other"))
                .add("audience", Json.createArrayBuilder().add("wiki")).build());

        assertEquals(200, send(forIt).statusCode(), this::log);
        assertEquals(401, send(forOthers).statusCode(), this::log);
        assertEquals(1, received.size(), "only the bound token's request reached the service");
    }

    @Test
    void aTokenRevokedWhileInUseIsRefusedWithinTheGatewaysCacheTime() throws Exception {
        String token = Tokens.issue(api, Addresses.fresh("apache-revoked-later"));
        assertEquals(200, send(token).statusCode(), this::log);
        assertEquals(204, api.revokeCurrent(token).statusCode());
        long revoked = System.nanoTime();
        int status;
        do {
            status = send(token).statusCode();
        } while (status == 200 && System.nanoTime() - revoked < Duration.ofSeconds(5).toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - revoked);
        assertEquals(401, status, "refused at all within 5 s");
        assertTrue(took.compareTo(Duration.ofMillis(2500)) < 0, "within the recipe's 1 s cache (+ slack): " + took.toMillis() + " ms");
    }

    private HttpResponse<String> send(String token, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(httpd.base().resolve("index.html"))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return BROWSER.send(request.build(), BodyHandlers.ofString());
    }

    private String log() {
        try {
            return "\nhttpd: " + httpd.log();
        } catch (IOException e) {
            return "\nhttpd's log unreadable: " + e;
        }
    }
}
