package com.pkmnapi.accesstokens.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Nginx;
import com.pkmnapi.testsupport.SystemPrograms;
import com.pkmnapi.testsupport.Tokens;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * README's recipe for protecting an intranet service: Debian's nginx in front of a page, asking the
 * service about each request's token with {@code auth_request}
 * (src/test/resources/nginx/gateway.conf). All the checks come from nginx's one address, and
 * auth_request turns any answer but 2xx, 401 and 403 into a 500 for the user, so the service must
 * never refuse a live token for its client.
 */
@SystemPrograms.Require(SystemPrograms.Program.NGINX)
class NginxGatewayIT extends HttpClientTest {

    private static final String PAGE = "<p>The protected page</p>\n";
    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Nginx nginx;

    @BeforeEach
    void startNginx() throws Exception {
        URI service = api.overLoopback().base();
        nginx = Nginx.start("nginx/gateway.conf",
                Map.of("SERVICE", "127.0.0.1:" + service.getPort(), "CONTEXT_ROOT", service.getPath(),
                        "PROTECTED", "127.0.0.1:" + Nginx.freePort()),
                Map.of("html/index.html", PAGE));
    }

    private String nginxLog() {
        try {
            return "\nnginx: " + nginx.log();
        } catch (IOException e) {
            return "\nnginx's log unreadable: " + e;
        }
    }

    @AfterEach
    void stopNginx() throws Exception {
        nginx.close();
    }

    @Test
    void aLiveTokenGetsThePage() throws Exception {
        String token = Tokens.issue(api, Addresses.fresh("gateway"));

        HttpResponse<String> page = send("GET", "Bearer " + token);

        assertEquals(200, page.statusCode(), () -> page.body() + nginxLog());
        assertEquals(PAGE, page.body());
    }

    @Test
    void noTokenOrOneThatIsNotLiveGets401WithTheServicesChallenge() throws Exception {
        String revoked = Tokens.issue(api, Addresses.fresh("gateway-revoked"));
        assertEquals(204, api.revokeCurrent(revoked).statusCode());

        for (String authorization : new String[] {null, "Basic dXNlcjpwdw==", "Bearer not-a-token",
                "Bearer " + Secrets.newToken(), "Bearer " + revoked}) {
            HttpResponse<String> refused = send("GET", authorization);
            assertEquals(401, refused.statusCode(), () -> authorization + ": " + refused.body());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"pkmnapi\""),
                    () -> authorization + ": " + refused.headers().map());
        }
    }

    /** The recipe protects the service "wiki": a token bound to it passes, one bound to others does not. */
    @Test
    void aTokenBoundToTheServiceGetsThePageOneBoundToOthersDoesNot() throws Exception {
        String forWiki = Tokens.issue(api, Json.createObjectBuilder().add("email_address", Addresses.fresh("gateway-wiki"))
                .add("audience", Json.createArrayBuilder().add("ci").add("wiki")).build());
        String forCi = Tokens.issue(api, Json.createObjectBuilder().add("email_address", Addresses.fresh("gateway-ci"))
                .add("audience", Json.createArrayBuilder().add("ci")).build());

        assertEquals(200, send("GET", "Bearer " + forWiki).statusCode(), this::nginxLog);
        HttpResponse<String> refused = send("GET", "Bearer " + forCi);
        assertEquals(401, refused.statusCode(), refused::body);
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("Access token not for this service"),
                () -> refused.headers().map().toString());
    }

    /** Before, the service's limit of 120 requests a minute per client answered 429 here: a 500 from nginx. */
    @Test
    void twoThousandRequestsWithALiveTokenGetThePageEveryTime() throws Exception {
        String token = "Bearer " + Tokens.issue(api, Addresses.fresh("gateway-busy"));

        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 2_000; i++) {
            statuses.merge(send("GET", token).statusCode(), 1, Integer::sum);
        }

        assertEquals(Map.of(200, 2_000), statuses);
    }

    @Test
    void requestsWithOtherMethodsAreCheckedWithGetAndNeverRevokeTheToken() throws Exception {
        String token = "Bearer " + Tokens.issue(api, Addresses.fresh("gateway-delete"));

        assertEquals(405, send("DELETE", token).statusCode(), "checked, then refused by the static page");
        assertEquals(405, send("POST", token).statusCode());

        assertEquals(200, send("GET", token).statusCode());
        assertEquals(200, api.current(token.substring("Bearer ".length())).statusCode());
    }

    @Test
    void theServiceBehindLearnsWhoIsCallingNoClientCanSayOtherwiseAndTheTokenStaysAtTheGateway() throws Exception {
        String address = Addresses.fresh("gateway-identity");
        String token = Tokens.issue(api, address);
        String id = Api.json(api.current(token)).getJsonObject("data").getString("id");

        HttpResponse<String> whoami = send("GET", "whoami", "Bearer " + token, "X-Pkmnapi-Email", "boss@example.com",
                "X-Pkmnapi-Token-Id", "forged");

        assertEquals(200, whoami.statusCode(), whoami::body);
        assertEquals("email=" + address + "\ntoken_id=" + id + "\nauthorization=\n", whoami.body());
    }

    private HttpResponse<String> send(String method, String authorization) throws IOException, InterruptedException {
        return send(method, "index.html", authorization);
    }

    /** A request to the protected service through nginx, with the given header names and values. */
    private HttpResponse<String> send(String method, String path, String authorization, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(nginx.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("x=1")
                        : HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return BROWSER.send(request.build(), BodyHandlers.ofString());
    }
}
