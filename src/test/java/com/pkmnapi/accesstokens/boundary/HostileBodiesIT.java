package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Bytes.bytes;
import static com.pkmnapi.testsupport.Bytes.utf8;
import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.ServerLog;
import com.pkmnapi.testsupport.TestSmtpServer;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies built to hurt a JSON reader (depth, size, numbers, encodings, duplicate members, trailing
 * bytes, charsets), byte for byte as an attacker would send them: each gets its 4xx in the JSON
 * envelope, changes nothing, and leaves no warning or stack trace in the server's log. The rate
 * limit (120 requests a minute from one client) bounds the class: each case of the table costs
 * two, and the whole class makes about 100.
 */
class HostileBodiesIT extends HttpClientTest {

    private static final String INVALID = "error_access_tokens_invalid";
    private static final String UNSUPPORTED = "error_unsupported_media_type";
    private static final String NOT_JSON = "Request body is not valid JSON";
    private static final String NOT_UTF8 = "Request body is not valid UTF-8";
    private static final String TOO_DEEP = "Request body is nested deeper than 32 levels";
    private static final String OUT_OF_RANGE = "Request body holds a number out of range";
    private static final String LONE_SURROGATE = "Request body holds a string that is not valid Unicode (a lone surrogate)";
    private static final String BYTE_ORDER_MARK = "Request body starts with a byte order mark: send JSON in UTF-8 without one";
    private static final String CHARSET = "Unsupported charset: send application/json in UTF-8";
    private static final int CAP = 16 * 1024;
    private static final String OPENING = "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {";

    private ServerLog log;

    @BeforeEach
    void startReadingTheLog() {
        log = new ServerLog(api);
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
            // depth: the cap lets through 10,000 open brackets, or 8,000 closed ones
            invalid("arrays 10,000 deep, unclosed", a -> utf8("[".repeat(10_000)), TOO_DEEP),
            invalid("arrays 8,000 deep", a -> utf8("[".repeat(8_000) + "]".repeat(8_000)), TOO_DEEP),
            invalid("objects 2,700 deep", a -> utf8("{\"a\":".repeat(2_700) + "1" + "}".repeat(2_700)), TOO_DEEP),
            invalid("email_address 5,000 arrays deep",
                    a -> envelope("\"email_address\": " + "[".repeat(5_000) + "]".repeat(5_000)), TOO_DEEP),
            invalid("an extra attribute 2,000 objects deep",
                    a -> envelope(address(a) + ", \"extra\": " + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)), TOO_DEEP),

            // numbers
            invalid("email_address 1e999999", a -> envelope("\"email_address\": 1e999999"),
                    "data.attributes.email_address must be a string"),
            invalid("email_address a 300-digit integer", a -> envelope("\"email_address\": " + "9".repeat(300)),
                    "data.attributes.email_address must be a string"),
            invalid("email_address a 2,000-digit integer", a -> envelope("\"email_address\": " + "9".repeat(2_000)),
                    "data.attributes.email_address must be a string"),
            invalid("email_address 1e9999999999", a -> envelope("\"email_address\": 1e9999999999"), OUT_OF_RANGE),
            invalid("email_address -1E-2147483649", a -> envelope("\"email_address\": -1E-2147483649"), OUT_OF_RANGE),
            invalid("data.type 1e9999999999",
                    a -> utf8("{\"data\": {\"type\": 1e9999999999, \"attributes\": {" + address(a) + "}}}"), OUT_OF_RANGE),
            invalid("an extra attribute 1e9999999999", a -> envelope(address(a) + ", \"extra\": 1e9999999999"), OUT_OF_RANGE),
            request("code 1e999999", "DELETE", "v1/access_tokens",
                    a -> envelope(address(a) + ", \"code\": 1e999999"), Api.JSON, 400, INVALID,
                    "data.attributes.code must be a string"),
            invalid("NaN", a -> envelope("\"email_address\": NaN"), NOT_JSON),
            invalid("a leading zero", a -> envelope("\"email_address\": 01"), NOT_JSON),

            // encodings: JSON between systems is UTF-8 (RFC 8259, 8.1)
            invalid("byte 0xFF in an extra attribute", a -> bytes(opening(address(a) + ", \"extra\": \""), 0xFF, utf8("\"}}}")),
                    NOT_UTF8),
            invalid("bytes C3 28 in the address", a -> bytes(opening("\"email_address\": \""), 0xC3, 0x28, utf8(a + "\"}}}")),
                    NOT_UTF8),
            invalid("overlong '@' C1 80 in the address",
                    a -> bytes(opening("\"email_address\": \"" + a.substring(0, a.indexOf('@'))), 0xC1, 0x80,
                            utf8(a.substring(a.indexOf('@') + 1) + "\"}}}")), NOT_UTF8),
            invalid("a surrogate encoded in UTF-8", a -> bytes(opening(address(a) + ", \"extra\": \""), 0xED, 0xA0, 0x80,
                    utf8("\"}}}")), NOT_UTF8),
            invalid("a cut multi-byte character at the end", a -> bytes(envelope(address(a)), 0xE2, 0x82), NOT_UTF8),
            invalid("UTF-16LE with a byte order mark",
                    a -> bytes(new byte[0], 0xFF, 0xFE, envelopeIn(a, StandardCharsets.UTF_16LE)), NOT_UTF8),
            invalid("UTF-16BE", a -> envelopeIn(a, StandardCharsets.UTF_16BE), NOT_JSON),
            invalid("UTF-32LE", a -> envelopeIn(a, Charset.forName("UTF-32LE")), NOT_JSON),
            invalid("a UTF-8 byte order mark", a -> bytes(new byte[0], 0xEF, 0xBB, 0xBF, envelopeIn(a, StandardCharsets.UTF_8)),
                    BYTE_ORDER_MARK),
            invalid("a byte order mark only", a -> bytes(new byte[0], 0xEF, 0xBB, 0xBF), BYTE_ORDER_MARK),
            invalid("an escaped lone surrogate in the address", a -> envelope("\"email_address\": \"\\ud800" + a + "\""), LONE_SURROGATE),
            invalid("an escaped lone surrogate in an extra attribute",
                    a -> envelope(address(a) + ", \"extra\": \"\\udc00\\ud800\""), LONE_SURROGATE),
            invalid("an escaped lone surrogate in a member name", a -> envelope(address(a) + ", \"\\ud800\": 1"), LONE_SURROGATE),
            invalid("an escaped NUL in the address", a -> envelope("\"email_address\": \"" + a + "\\u0000\""), null),
            invalid("a NUL byte in the address", a -> bytes(opening("\"email_address\": \"" + a), 0x00, utf8("\"}}}")), NOT_JSON),

            // duplicate members: refused rather than one of them picked in silence
            invalid("email_address twice", a -> envelope("\"email_address\": \"not-an-address\", " + address(a)), "Request body has the member \"email_address\" twice in one object"),
            invalid("email_address twice, once escaped", a -> envelope(address(a) + ", \"email\\u005faddress\": \"" + a + "\""),
                    "Request body has the member \"email_address\" twice in one object"),
            invalid("data twice", a -> utf8("{\"data\": {}, \"data\": {\"type\": \"access_tokens\", \"attributes\": {"
                    + address(a) + "}}}"), "Request body has the member \"data\" twice in one object"),
            invalid("type twice", a -> utf8("{\"data\": {\"type\": \"users\", \"type\": \"access_tokens\", \"attributes\": {"
                    + address(a) + "}}}"), "Request body has the member \"type\" twice in one object"),
            invalid("a member twice in an extra attribute", a -> envelope(address(a) + ", \"extra\": {\"x\": 1, \"x\": 2}"), "Request body has the member \"x\" twice in one object"),

            // types
            invalid("email_address true", a -> envelope("\"email_address\": true"), "data.attributes.email_address must be a string"),
            invalid("email_address an object", a -> envelope("\"email_address\": {\"value\": \"" + a + "\"}"),
                    "data.attributes.email_address must be a string"),
            request("code an object", "DELETE", "v1/access_tokens", a -> envelope(address(a) + ", \"code\": {}"), Api.JSON,
                    400, INVALID, "data.attributes.code must be a string"),

            // what follows the document
            invalid("a word after the document", a -> utf8(Api.envelope(a) + " x"), NOT_JSON),
            invalid("two documents", a -> utf8(Api.envelope(a) + Api.envelope(a)), NOT_JSON),
            invalid("a comma after the document", a -> utf8(Api.envelope(a) + ","), NOT_JSON),
            invalid("a NUL byte after the document", a -> bytes(utf8(Api.envelope(a)), 0x00), NOT_JSON),

            // nothing
            invalid("whitespace only", a -> utf8(" \r\n\t "), NOT_JSON),

            // the charset parameter: JSON is UTF-8, any other charset is a media type we do not take
            request("charset=UTF-16", "POST", "v1/access_tokens", a -> envelopeIn(a, StandardCharsets.UTF_16),
                    "application/json; charset=UTF-16", 415, UNSUPPORTED, CHARSET),
            request("charset=ISO-8859-1", "POST", "v1/access_tokens", a -> utf8(Api.envelope(a)),
                    "application/json; charset=ISO-8859-1", 415, UNSUPPORTED, CHARSET),
            request("charset=no-such-charset", "POST", "v1/access_tokens/delete", a -> utf8(Api.envelope(a)),
                    "application/json; charset=no-such-charset", 415, UNSUPPORTED, CHARSET),
            request("an unterminated quote in the charset", "POST", "v1/access_tokens", a -> utf8(Api.envelope(a)),
                    "application/json; charset=\"utf-8", 400, "error_bad_request", "Bad request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void refusesQuietlyAndChangesNothing(String name, String method, String path, Function<String, byte[]> body,
            String contentType, int status, String id, String message) {
        String address = Addresses.fresh("hostile");

        HttpResponse<String> response = api.send(method, path, BodyPublishers.ofByteArray(body.apply(address)),
                "Content-Type", contentType);

        String actual = assertError(response, status, id);
        if (message != null) {
            assertEquals(message, actual);
        }
        log.assertQuiet(name);
        assertTrue(TestSmtpServer.mailsTo(address).isEmpty(), "no mail");
        HttpResponse<String> valid = api.requestToken(address);
        assertEquals(201, valid.statusCode(), "no re-send window was started: " + valid.body());
    }

    @Test
    void takesABodyOfExactlyTheCap() {
        String address = Addresses.fresh("at-the-cap");
        String envelope = Api.envelope(address);
        String body = envelope + " ".repeat(CAP - utf8(envelope).length);
        assertEquals(CAP, utf8(body).length);

        HttpResponse<String> response = api.send("POST", "v1/access_tokens", BodyPublishers.ofString(body),
                "Content-Type", Api.JSON);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(1, TestSmtpServer.mailsTo(address).size(), "one mail");
        log.assertQuiet("a body of exactly the cap");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("utf8ContentTypes")
    void takesTheUtf8Charset(String contentType) {
        String address = Addresses.fresh("utf-8");

        HttpResponse<String> response = api.send("POST", "v1/access_tokens",
                BodyPublishers.ofString(Api.envelope(address)), "Content-Type", contentType);

        assertEquals(201, response.statusCode(), response.body());
        log.assertQuiet(contentType);
    }

    static Stream<Arguments> cutShort() {
        String json = "Content-Type: application/json\r\n";
        String chunked = json + "Transfer-Encoding: chunked\r\n\r\n";
        // What the servers log themselves, out of the WAR's reach (see README): Grizzly's HTTP codec
        // (Payara) refuses a chunk size it cannot parse before any servlet runs, and logs GRIZZLY0013
        // with a stack trace; WildFly's own request listener fails on the exchange that Undertow has
        // already ended after a broken chunk (UT015005 on SuspendedServerRequestListener).
        String undertow = "ERROR io.undertow.servlet.request: UT015005: ";
        List<String> broken = List.of(undertow);
        List<String> codec = List.of("WARNING org.glassfish.grizzly.filterchain.DefaultFilterChain: ", undertow);
        return Stream.of(
            Arguments.of("fewer bytes than Content-Length", json + "Content-Length: 100\r\n\r\n{\"data\": {", List.of()),
            Arguments.of("a chunk cut short", chunked + "64\r\n{\"data\": {", broken),
            Arguments.of("no last chunk", chunked + "2\r\n{}\r\n", broken),
            Arguments.of("a chunk size that is no number", chunked + "zz\r\n{}\r\n0\r\n\r\n", codec),
            Arguments.of("a chunk size past a long", chunked + "FFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", codec));
    }

    /**
     * Bodies that end before they said they would, or whose chunks cannot be read, sent over a bare
     * socket that then stops sending. Grizzly answers a broken chunk itself with a bare 400, and
     * closes a half-closed connection as soon as it reads its end, so that there may be no answer
     * at all; what the WAR can promise is no 500 and nothing in the log.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cutShort")
    void refusesABodyCutShortQuietly(String name, String headersAndBody, List<String> tolerated) throws Exception {
        String response;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "POST " + base.getPath() + "v1/access_tokens HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Connection: close\r\n" + headersAndBody;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertTrue(response.isEmpty() || response.startsWith("HTTP/1.1 4"), response);
        log.assertQuietAfter(Duration.ofMillis(500), name, tolerated);
    }

    static Stream<String> utf8ContentTypes() {
        return Stream.of("application/json; charset=utf-8", "application/json;charset=\"UTF-8\"");
    }

    private static Arguments invalid(String name, Function<String, byte[]> body, String message) {
        return request(name, "POST", "v1/access_tokens", body, Api.JSON, 400, INVALID, message);
    }

    private static Arguments request(String name, String method, String path, Function<String, byte[]> body,
            String contentType, int status, String id, String message) {
        return Arguments.of(name, method, path, body, contentType, status, id, message);
    }

    /** The envelope around these attributes (JSON text without their braces). */
    private static byte[] envelope(String attributes) {
        return utf8(OPENING + attributes + "}}}");
    }

    /** The envelope's start, up to and with this start of the attributes. */
    private static byte[] opening(String attributes) {
        return utf8(OPENING + attributes);
    }

    private static String address(String address) {
        return "\"email_address\": \"" + address + "\"";
    }

    private static byte[] envelopeIn(String address, Charset charset) {
        return Api.envelope(address).getBytes(charset);
    }
}
