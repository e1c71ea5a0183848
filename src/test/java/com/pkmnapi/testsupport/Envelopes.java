package com.pkmnapi.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** What every response must look like, checked the same way everywhere. */
public final class Envelopes {

    public static final String SERVER = "pkmnapi/0.1.0";

    private Envelopes() {
    }

    /** The status, the Server header and the JSON error envelope with its id; returns the message. */
    public static String assertError(HttpResponse<String> response, int status, String id) {
        assertEquals(status, response.statusCode(), () -> "status of " + response + ": " + response.body());
        assertServerHeader(response);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(Api.JSON),
                () -> "JSON content type, not " + response.headers().firstValue("Content-Type"));
        JsonObject data = Api.json(response).getJsonObject("data");
        assertEquals(id, data.getString("id"), response::body);
        assertEquals("errors", data.getString("type"), response::body);
        return data.getJsonObject("attributes").getString("message");
    }

    public static void assertError(HttpResponse<String> response, int status, String id, String message) {
        assertEquals(message, assertError(response, status, id), response::body);
    }

    public static void assertServerHeader(HttpResponse<String> response) {
        assertEquals(SERVER, response.headers().firstValue("Server").orElse(null), "Server header");
    }
}
