package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.TestSmtpServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of malformed requests: each gets its 4xx in the JSON envelope, never a 500 or an HTML
 * page, and changes nothing: the address it names gets no mail, and can still ask for a token at
 * once, so no re-send window was started.
 */
class MalformedRequestsIT extends HttpClientTest {

    private static final String INVALID = "error_access_tokens_invalid";
    private static final String ADDRESS = "%ADDRESS%";
    private static final int OVER_THE_CAP = 16 * 1024 + 1;

    static Stream<Arguments> malformedRequests() {
        String tokens = "v1/access_tokens";
        String delete = "v1/access_tokens/delete";
        return Stream.of(
            bad("not JSON", "POST", tokens, "hello", 400, INVALID, "Request body is not valid JSON"),
            bad("truncated JSON", "POST", tokens,
                    "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email_address\": \"" + ADDRESS,
                    400, INVALID, "Request body is not valid JSON"),
            bad("empty body", "POST", tokens, "", 400, INVALID, null),
            bad("an array", "POST", tokens, "[{\"email_address\": \"" + ADDRESS + "\"}]",
                    400, INVALID, "Request body must be a JSON object"),
            bad("a JSON string", "POST", delete, "\"" + ADDRESS + "\"", 400, INVALID, "Request body must be a JSON object"),
            bad("no data", "POST", tokens, "{\"email_address\": \"" + ADDRESS + "\"}", 400, INVALID, "data is required"),
            bad("data not an object", "POST", tokens, "{\"data\": [\"" + ADDRESS + "\"]}",
                    400, INVALID, "data must be a JSON object"),
            bad("no data.type", "POST", tokens, "{\"data\": {\"attributes\": {\"email_address\": \"" + ADDRESS + "\"}}}",
                    400, INVALID, "data.type is required"),
            bad("wrong data.type", "POST", delete,
                    "{\"data\": {\"type\": \"users\", \"attributes\": {\"email_address\": \"" + ADDRESS + "\"}}}",
                    400, INVALID, "data.type must be \"access_tokens\""),
            bad("data.type a number", "POST", tokens,
                    "{\"data\": {\"type\": 1, \"attributes\": {\"email_address\": \"" + ADDRESS + "\"}}}",
                    400, INVALID, "data.type must be \"access_tokens\""),
            bad("no attributes", "POST", tokens, "{\"data\": {\"type\": \"access_tokens\", \"email_address\": \"" + ADDRESS + "\"}}",
                    400, INVALID, "data.attributes is required"),
            bad("attributes a string", "POST", tokens, "{\"data\": {\"type\": \"access_tokens\", \"attributes\": \"" + ADDRESS + "\"}}",
                    400, INVALID, "data.attributes must be a JSON object"),
            bad("no email_address", "POST", tokens, "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email\": \"" + ADDRESS + "\"}}}",
                    400, INVALID, "data.attributes.email_address is required"),
            bad("email_address null", "POST", delete, "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email_address\": null}}}",
                    400, INVALID, "data.attributes.email_address is required"),
            bad("email_address a number", "POST", tokens, "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email_address\": 42}}}",
                    400, INVALID, "data.attributes.email_address must be a string"),
            bad("email_address an array", "POST", tokens,
                    "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email_address\": [\"" + ADDRESS + "\"]}}}",
                    400, INVALID, "data.attributes.email_address must be a string"),
            bad("CR LF in the address", "POST", tokens, envelope(ADDRESS + "\\r\\nBcc: victim@example.com"),
                    400, INVALID, "Invalid email address: " + ADDRESS + "\r\nBcc: victim@example.com"),
            bad("LF in the address", "POST", delete, envelope(ADDRESS + "\\n"), 400, INVALID, "Invalid email address: " + ADDRESS + "\n"),
            bad("255-character address", "POST", tokens, envelope("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63)
                    + "." + "d".repeat(58) + ".com"), 400, INVALID, null),
            bad("no code", "DELETE", "v1/access_tokens", envelope(ADDRESS), 400, INVALID, "data.attributes.code is required"),
            bad("code a number", "DELETE", "v1/access_tokens",
                    "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email_address\": \"" + ADDRESS + "\", \"code\": 1337}}}",
                    400, INVALID, "data.attributes.code must be a string"),
            bad("text/plain", "POST", tokens, envelope(ADDRESS), "text/plain", 415, "error_unsupported_media_type"),
            bad("form encoded", "POST", delete, "email_address=" + ADDRESS, "application/x-www-form-urlencoded",
                    415, "error_unsupported_media_type"),
            bad("body over the cap", "POST", tokens, envelope(ADDRESS) + " ".repeat(OVER_THE_CAP), Api.JSON,
                    413, "error_payload_too_large"),
            bad("chunked body over the cap", "POST", tokens, null, Api.JSON, 413, "error_payload_too_large"),
            bad("unknown path", "POST", "v1/access_token", envelope(ADDRESS), Api.JSON, 404, "error_not_found"),
            bad("unknown root path", "GET", "nothing/here", null, null, 404, "error_not_found"),
            bad("no generated WADL", "GET", "application.wadl", null, null, 404, "error_not_found"),
            bad("PUT", "PUT", tokens, envelope(ADDRESS), Api.JSON, 405, "error_method_not_allowed"),
            bad("GET on the deletion request", "GET", delete, null, null, 405, "error_method_not_allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void refusesWithTheRightErrorAndChangesNothing(String name, String method, String path, String body,
            String contentType, int status, String id, String message) {
        String address = Addresses.fresh("malformed");

        HttpResponse<String> response = api.send(method, path, publisher(name, body, address), headers(contentType));

        String actual = assertError(response, status, id);
        if (message != null) {
            assertEquals(message.replace(ADDRESS, address), actual);
        }
        assertFalse(actual.isBlank());
        if (status == 405) {
            assertTrue(response.headers().firstValue("Allow").isPresent(), "405 says what is allowed");
        }
        assertTrue(TestSmtpServer.mailsTo(address).isEmpty(), "no mail");
        HttpResponse<String> valid = api.requestToken(address);
        assertEquals(201, valid.statusCode(), "no re-send window was started: " + valid.body());
    }

    private static BodyPublisher publisher(String name, String body, String address) {
        if (name.startsWith("chunked")) {
            // an InputStream of unknown length goes out with Transfer-Encoding: chunked
            byte[] bytes = (envelope(address) + " ".repeat(OVER_THE_CAP)).getBytes(StandardCharsets.UTF_8);
            return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        }
        return body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body.replace(ADDRESS, address));
    }

    private static String[] headers(String contentType) {
        return contentType == null ? new String[0] : new String[] {"Content-Type", contentType};
    }

    private static String envelope(String address) {
        return "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email_address\": \"" + address + "\"}}}";
    }

    private static Arguments bad(String name, String method, String path, String body, int status, String id, String message) {
        return Arguments.of(name, method, path, body, Api.JSON, status, id, message);
    }

    private static Arguments bad(String name, String method, String path, String body, String contentType, int status,
            String id) {
        return Arguments.of(name, method, path, body, contentType, status, id, null);
    }
}
