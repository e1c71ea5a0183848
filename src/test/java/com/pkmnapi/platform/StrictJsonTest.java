package com.pkmnapi.platform;

import static com.pkmnapi.testsupport.Bytes.bytes;
import static com.pkmnapi.testsupport.Bytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrictJsonTest {

    private static final String ENVELOPE =
            "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email_address\": \"a@example.com\"}}}";

    @Test
    void readsTheEnvelope() throws Exception {
        JsonObject root = StrictJson.read(utf8(ENVELOPE)).asJsonObject();

        assertEquals("a@example.com",
                root.getJsonObject("data").getJsonObject("attributes").getString("email_address"));
    }

    @Test
    void keepsEveryKindOfValueAndTheWhitespaceAround() throws Exception {
        JsonValue value = StrictJson.read(utf8(" \r\n\t{\"a\": [1, -2.5e3, true, false, null, \"\\u00e9\\ud83d\\ude00\", {}, []]} \n"));

        assertEquals("{\"a\":[1,-2.5E+3,true,false,null,\"\u00e9\ud83d\ude00\",{},[]]}", value.toString());
    }

    @Test
    void keepsHugeNumbersAsNumbers() throws Exception {
        JsonObject root = StrictJson.read(utf8("{\"big\": 1e999999, \"long\": " + "9".repeat(2_000) + "}")).asJsonObject();

        assertEquals(new BigDecimal("1e999999"), root.getJsonNumber("big").bigDecimalValue());
        assertEquals(new BigDecimal("9".repeat(2_000)), root.getJsonNumber("long").bigDecimalValue());
    }

    @Test
    void takesNestingUpToTheLimit() throws Exception {
        int depth = StrictJson.MAX_DEPTH;

        JsonValue value = StrictJson.read(utf8("[".repeat(depth) + "]".repeat(depth)));

        assertEquals(JsonValue.ValueType.ARRAY, value.getValueType());
    }

    @Test
    void takesTheSameNameInDifferentObjects() throws Exception {
        JsonObject root = StrictJson.read(utf8("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}")).asJsonObject();

        assertEquals(2, root.getJsonObject("b").getInt("a"));
    }

    static Stream<Arguments> notOneDocument() {
        String notJson = StrictJson.NOT_JSON;
        String notUtf8 = StrictJson.NOT_UTF8;
        String tooDeep = "Request body is nested deeper than " + StrictJson.MAX_DEPTH + " levels";
        String outOfRange = "Request body holds a number out of range";
        String surrogate = "Request body holds a string that is not valid Unicode (a lone surrogate)";
        String bom = "Request body starts with a byte order mark: send JSON in UTF-8 without one";
        int over = StrictJson.MAX_DEPTH + 1;
        return Stream.of(
            refused("empty", utf8(""), notJson),
            refused("whitespace only", utf8(" \r\n\t "), notJson),
            refused("not JSON", utf8("hello"), notJson),
            refused("truncated", utf8("{\"a\": [1, 2"), notJson),
            refused("a word after the document", utf8("{} x"), notJson),
            refused("two documents", utf8("{}{}"), notJson),
            refused("a comma after the document", utf8("{},"), notJson),
            refused("a NUL after the document", bytes(utf8("{}"), 0x00), notJson),
            refused("a raw NUL in a string", bytes(utf8("{\"a\": \"x"), 0x00, utf8("\"}")), notJson),
            refused("NaN", utf8("{\"a\": NaN}"), notJson),
            refused("a leading zero", utf8("{\"a\": 01}"), notJson),
            refused("arrays one too deep", utf8("[".repeat(over) + "]".repeat(over)), tooDeep),
            refused("objects one too deep", utf8("{\"a\":".repeat(over) + "1" + "}".repeat(over)), tooDeep),
            refused("arrays 10,000 deep, unclosed", utf8("[".repeat(10_000)), tooDeep),
            refused("objects 2,700 deep", utf8("{\"a\":".repeat(2_700) + "1" + "}".repeat(2_700)), tooDeep),
            refused("an exponent past an int", utf8("{\"a\": 1e9999999999}"), outOfRange),
            refused("a negative exponent past an int", utf8("[-1E-2147483649]"), outOfRange),
            refused("a member twice", utf8("{\"a\": 1, \"a\": 1}"), "Request body has the member \"a\" twice in one object"),
            refused("a member twice, once escaped", utf8("{\"a_b\": 1, \"a\\u005fb\": 2}"),
                    "Request body has the member \"a_b\" twice in one object"),
            refused("a member twice deep inside", utf8("{\"a\": [{\"x\": 1, \"y\": {\"z\": 1, \"z\": 2}}]}"),
                    "Request body has the member \"z\" twice in one object"),
            refused("a lone high surrogate", utf8("[\"\\ud800\"]"), surrogate),
            refused("a lone low surrogate", utf8("[\"x\\udc00\"]"), surrogate),
            refused("surrogates the wrong way round", utf8("[\"\\udc00\\ud800\"]"), surrogate),
            refused("a high surrogate at the end", utf8("[\"x\\ud83d\"]"), surrogate),
            refused("a lone surrogate in a name", utf8("{\"\\ud800\": 1}"), surrogate),
            refused("byte FF", bytes(utf8("[\""), 0xFF, utf8("\"]")), notUtf8),
            refused("bytes C3 28", bytes(utf8("[\""), 0xC3, 0x28, utf8("\"]")), notUtf8),
            refused("an overlong encoding", bytes(utf8("[\""), 0xC1, 0x80, utf8("\"]")), notUtf8),
            refused("a surrogate encoded in UTF-8", bytes(utf8("[\""), 0xED, 0xA0, 0x80, utf8("\"]")), notUtf8),
            refused("a code point past U+10FFFF", bytes(utf8("[\""), 0xF4, 0x90, 0x80, 0x80, utf8("\"]")), notUtf8),
            refused("a cut character at the end", bytes(utf8("[]"), 0xE2, 0x82), notUtf8),
            refused("UTF-16LE with a byte order mark", bytes(new byte[0], 0xFF, 0xFE, ENVELOPE.getBytes(StandardCharsets.UTF_16LE)),
                    notUtf8),
            refused("UTF-16BE with a byte order mark", ENVELOPE.getBytes(StandardCharsets.UTF_16), notUtf8),
            refused("UTF-16BE", ENVELOPE.getBytes(StandardCharsets.UTF_16BE), notJson),
            refused("UTF-16LE", ENVELOPE.getBytes(StandardCharsets.UTF_16LE), notJson),
            refused("UTF-32BE", ENVELOPE.getBytes(Charset.forName("UTF-32BE")), notJson),
            refused("a UTF-8 byte order mark", bytes(new byte[0], 0xEF, 0xBB, 0xBF, utf8(ENVELOPE)), bom),
            refused("a byte order mark only", bytes(new byte[0], 0xEF, 0xBB, 0xBF), bom));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notOneDocument")
    void refusesWhatIsNotOneDocument(String name, byte[] body, String message) {
        StrictJson.Malformed refused = assertThrows(StrictJson.Malformed.class, () -> StrictJson.read(body));

        assertEquals(message, refused.getMessage());
    }

    private static Arguments refused(String name, byte[] body, String message) {
        return Arguments.of(name, body, message);
    }
}
