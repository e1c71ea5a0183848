package com.pkmnapi.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a request body as exactly one JSON document, or says, in words for the client, why it is
 * not one: bytes that are not UTF-8 (RFC 8259 8.1: so no UTF-16, no UTF-32, no byte order mark),
 * nesting deeper than {@value #MAX_DEPTH}, a number that does not fit a {@link BigDecimal}, a string
 * with a lone surrogate, a member name twice in one object, or anything after the document.
 *
 * <p>Not the JSON-P reader: it keeps the last of two members of the same name, so a body could say
 * two things and we would act on one; it decodes bytes leniently; and its limits are the
 * implementation's own, thrown as whatever it likes (Parsson 1.1.5 in Payara 6: a bare
 * {@code RuntimeException} past 1,000 levels, an {@code UnsupportedOperationException} past 1,100
 * digits, a {@code NumberFormatException} for an exponent past an int), each a 500 for us. Walking
 * the parser's events with our own stack gives the same answers on every server.
 */
public final class StrictJson {

    /** The envelope is three levels deep; far deeper is not our document, and stays cheap to walk. */
    public static final int MAX_DEPTH = 32;

    static final String NOT_JSON = "Request body is not valid JSON";
    static final String NOT_UTF8 = "Request body is not valid UTF-8";

    private StrictJson() {
    }

    public static JsonValue read(byte[] body) throws Malformed {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            throw new Malformed("Request body starts with a byte order mark: send JSON in UTF-8 without one");
        }
        try (JsonParser parser = JsonObjects.parser(new StringReader(text))) {
            return document(parser);
        } catch (JsonException e) {
            throw new Malformed(NOT_JSON);
        }
    }

    private static String utf8(byte[] body) throws Malformed {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(NOT_UTF8);
        }
    }

    private static JsonValue document(JsonParser parser) throws Malformed {
        Deque<Container> open = new ArrayDeque<>();
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                if (open.size() == MAX_DEPTH) {
                    throw new Malformed("Request body is nested deeper than " + MAX_DEPTH + " levels");
                }
                open.push(new Container(event == JsonParser.Event.START_OBJECT));
                continue;
            }
            if (event == JsonParser.Event.KEY_NAME) {
                open.peek().name(unicode(parser.getString()));
                continue;
            }
            JsonValue value = switch (event) {
                case END_OBJECT, END_ARRAY -> open.pop().build();
                case VALUE_STRING -> JsonObjects.string(unicode(parser.getString()));
                case VALUE_NUMBER -> number(parser.getString());
                case VALUE_TRUE -> JsonValue.TRUE;
                case VALUE_FALSE -> JsonValue.FALSE;
                case VALUE_NULL -> JsonValue.NULL;
                default -> throw new IllegalStateException("Handled above: " + event);
            };
            if (open.isEmpty()) {
                if (parser.hasNext()) {
                    // Parsson throws here itself; a parser that does not still gets no second document
                    throw new Malformed(NOT_JSON);
                }
                return value;
            }
            open.peek().add(value);
        }
        throw new Malformed(NOT_JSON);
    }

    /** From the number's text, so that no implementation limit decides; only an exponent past an int fails. */
    private static JsonNumber number(String text) throws Malformed {
        try {
            return JsonObjects.number(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new Malformed("Request body holds a number out of range");
        }
    }

    /** Only an escape can make a lone surrogate here (the bytes were UTF-8); such a string is no text. */
    private static String unicode(String value) throws Malformed {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Malformed("Request body holds a string that is not valid Unicode (a lone surrogate)");
            }
        }
        return value;
    }

    /** An object or array whose members are still being read. */
    private static final class Container {

        private final JsonObjectBuilder object;
        private final JsonArrayBuilder array;
        private final Set<String> names = new HashSet<>();
        private String name;

        Container(boolean isObject) {
            object = isObject ? JsonObjects.builder() : null;
            array = isObject ? null : JsonObjects.arrayBuilder();
        }

        void name(String next) throws Malformed {
            if (!names.add(next)) {
                throw new Malformed("Request body has the member \"" + next + "\" twice in one object");
            }
            name = next;
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(name, value);
            } else {
                array.add(value);
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }

    /** Why a body is not one JSON document, in words for the client. */
    public static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            // a client's mistake, answered with a 400 and never logged: no stack trace to fill in
            super(message, null, false, false);
        }
    }
}
