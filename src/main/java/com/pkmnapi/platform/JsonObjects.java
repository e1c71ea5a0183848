package com.pkmnapi.platform;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;

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

    public static JsonReader reader(InputStream in) {
        return PROVIDER.createReader(in);
    }

    public static JsonString string(String value) {
        return PROVIDER.createValue(value);
    }
}
