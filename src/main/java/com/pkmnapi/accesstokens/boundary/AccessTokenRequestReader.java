package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.platform.JsonObjects;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.NoSuchElementException;

/**
 * Reads the request envelope with JSON-P, so that every malformed body gets a 400 that says what
 * is wrong, the same on every server, instead of whatever the runtime's JSON binding throws.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class AccessTokenRequestReader implements MessageBodyReader<AccessTokenRequest> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == AccessTokenRequest.class;
    }

    @Override
    public AccessTokenRequest readFrom(Class<AccessTokenRequest> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
        JsonValue root;
        try (JsonReader reader = JsonObjects.reader(body)) {
            root = reader.readValue();
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw AccessTokenRequest.invalid("Request body is not valid JSON");
        }
        JsonObject data = member(object(root, "Request body"), "data", "data");
        JsonValue kind = data.get("type");
        if (kind == null || kind.getValueType() == JsonValue.ValueType.NULL) {
            throw AccessTokenRequest.invalid("data.type is required");
        }
        if (!JsonObjects.string(AccessTokenRequest.TYPE).equals(kind)) {
            throw AccessTokenRequest.invalid("data.type must be \"" + AccessTokenRequest.TYPE + "\"");
        }
        return new AccessTokenRequest(member(data, "attributes", "data.attributes"));
    }

    private static JsonObject member(JsonObject parent, String name, String path) {
        JsonValue value = parent.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw AccessTokenRequest.invalid(path + " is required");
        }
        return object(value, path);
    }

    private static JsonObject object(JsonValue value, String what) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw AccessTokenRequest.invalid(what + " must be a JSON object");
        }
        return value.asJsonObject();
    }
}
