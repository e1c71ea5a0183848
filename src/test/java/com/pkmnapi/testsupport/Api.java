package com.pkmnapi.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The service over HTTP, as a client sees it. */
public final class Api {

    public static final String JSON = "application/json";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;
    private final String[] defaultHeaders;

    /** @param base the deployment's URL as Arquillian gives it */
    public Api(URL base) {
        this(URI.create(base.toExternalForm().endsWith("/") ? base.toExternalForm() : base.toExternalForm() + "/"),
                new String[0]);
    }

    private Api(URI base, String[] defaultHeaders) {
        this.base = base;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same server reached over the loopback address, so that the server sees 127.0.0.1. */
    public Api overLoopback() {
        return new Api(URI.create(base.toString().replaceFirst("//[^/:]+", "//127.0.0.1")), defaultHeaders);
    }

    /** The same server reached over the IPv6 loopback address, which the server reports as 0:0:0:0:0:0:0:1. */
    public Api overIpv6Loopback() {
        return new Api(URI.create(base.toString().replaceFirst("//[^/:]+", "//[::1]")), defaultHeaders);
    }

    /** The same, sending these header names and values with every request. */
    public Api withHeaders(String... headers) {
        return new Api(base, headers);
    }

    public URI base() {
        return base;
    }

    public static String envelope(String emailAddress) {
        return Json.createObjectBuilder()
                .add("data", Json.createObjectBuilder()
                        .add("type", "access_tokens")
                        .add("attributes", Json.createObjectBuilder().add("email_address", emailAddress)))
                .build().toString();
    }

    public static String envelope(String emailAddress, String code) {
        return Json.createObjectBuilder()
                .add("data", Json.createObjectBuilder()
                        .add("type", "access_tokens")
                        .add("attributes", Json.createObjectBuilder()
                                .add("code", code)
                                .add("email_address", emailAddress)))
                .build().toString();
    }

    public HttpResponse<String> requestToken(String emailAddress) {
        return send("POST", "v1/access_tokens", BodyPublishers.ofString(envelope(emailAddress)), "Content-Type", JSON);
    }

    /** {@code POST /v1/access_tokens} with these attributes (the address, a name, a lifetime...). */
    public HttpResponse<String> requestToken(JsonObject attributes) {
        String body = Json.createObjectBuilder()
                .add("data", Json.createObjectBuilder().add("type", "access_tokens").add("attributes", attributes))
                .build().toString();
        return send("POST", "v1/access_tokens", BodyPublishers.ofString(body), "Content-Type", JSON);
    }

    /** {@code GET /v1/access_tokens}: the live tokens of the bearer token's address. */
    public HttpResponse<String> list(String token) {
        return send("GET", "v1/access_tokens", BodyPublishers.noBody(), withBearer(token));
    }

    /** {@code GET /v1/access_tokens/events} plus a query ("" or "?limit=2"), with the token as bearer. */
    public HttpResponse<String> events(String token, String query) {
        return send("GET", "v1/access_tokens/events" + query, BodyPublishers.noBody(), withBearer(token));
    }

    /** {@code DELETE /v1/access_tokens/{id}} with the token as bearer. */
    public HttpResponse<String> revoke(String token, String id) {
        return send("DELETE", "v1/access_tokens/" + id, BodyPublishers.noBody(), withBearer(token));
    }

    public HttpResponse<String> requestDeletion(String emailAddress) {
        return send("POST", "v1/access_tokens/delete", BodyPublishers.ofString(envelope(emailAddress)),
                "Content-Type", JSON);
    }

    public HttpResponse<String> delete(String emailAddress, String code) {
        return send("DELETE", "v1/access_tokens", BodyPublishers.ofString(envelope(emailAddress, code)),
                "Content-Type", JSON);
    }

    /** {@code GET /v1/access_tokens/current} with the token as bearer, plus any header names and values. */
    public HttpResponse<String> current(String token, String... headers) {
        return send("GET", "v1/access_tokens/current", BodyPublishers.noBody(), withBearer(token, headers));
    }

    /** {@code DELETE /v1/access_tokens/current} with the token as bearer. */
    public HttpResponse<String> revokeCurrent(String token) {
        return send("DELETE", "v1/access_tokens/current", BodyPublishers.noBody(), withBearer(token));
    }

    /** {@code POST /v1/introspect} of the token as the development introspection client (src/test/resources/realm). */
    public HttpResponse<String> introspect(String token) {
        return send("POST", "v1/introspect",
                BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("introspector:introspector-dev".getBytes(StandardCharsets.UTF_8)));
    }

    private static String[] withBearer(String token, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = "Bearer " + token;
        return all;
    }

    /**
     * Any request: method, path relative to the base, body, then header names and values. Every
     * exchange is held against the OpenAPI description when the test ends ({@link OpenApiContract}).
     */
    public HttpResponse<String> send(String method, String path, BodyPublisher body, String... headers) {
        OpenApiContract.RecordingPublisher recorded = OpenApiContract.recording(body);
        HttpRequest request = request(method, path, recorded, headers);
        HttpResponse<String> response = exchange(request);
        OpenApiContract.record(base, request, recorded, response);
        return response;
    }

    /**
     * {@code GET} of a path while the server boots, when its answers are the runtime's own (a 404
     * page until the WAR is deployed), not the service's: not held against the description.
     */
    HttpResponse<String> probe(String path) {
        return exchange(request("GET", path, BodyPublishers.noBody()));
    }

    private HttpRequest request(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (defaultHeaders.length > 0) {
            builder.headers(defaultHeaders);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder.build();
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return CLIENT.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
