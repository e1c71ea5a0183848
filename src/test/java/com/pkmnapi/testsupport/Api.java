package com.pkmnapi.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

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

    private static String[] withBearer(String token, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = "Bearer " + token;
        return all;
    }

    /** Any request: method, path relative to the base, body, then header names and values. */
    public HttpResponse<String> send(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (defaultHeaders.length > 0) {
            request.headers(defaultHeaders);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), BodyHandlers.ofString());
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
