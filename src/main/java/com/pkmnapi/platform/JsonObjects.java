package com.pkmnapi.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.List;

/**
 * JSON-P through one provider, looked up once: {@code jakarta.json.Json}'s static methods look the
 * provider up anew on every call, which costs more than the rest of a small request.
 */
public final class JsonObjects {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonObjects() {
    }

    public static JsonObjectBuilder builder() {
        return PROVIDER.createObjectBuilder();
    }

    /** Adds the text, or JSON null where there is none. */
    public static JsonObjectBuilder addText(JsonObjectBuilder object, String name, String value) {
        return value == null ? object.addNull(name) : object.add(name, value);
    }

    public static JsonArrayBuilder arrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    /** The texts as a JSON array, in their order. */
    public static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = arrayBuilder();
        values.forEach(array::add);
        return array;
    }

    public static JsonParser parser(Reader in) {
        return PROVIDER.createParser(in);
    }

    public static JsonString string(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber number(BigDecimal value) {
        return PROVIDER.createValue(value);
    }
}
