package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;
import com.pkmnapi.platform.JsonObjects;
import com.pkmnapi.platform.RequestBodyLimitFilter;
import com.pkmnapi.platform.StrictJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads the request envelope itself, so that every body that is not the envelope, however
 * malformed, gets a 400 that says what is wrong, the same on every server, instead of whatever the
 * runtime's JSON binding throws. The document is read by {@link StrictJson}: a body that could be
 * read two ways (two members of one name, lenient decoding) is refused rather than guessed at.
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
        requireWellFormed(headers.getFirst(HttpHeaders.CONTENT_TYPE));
        requireUtf8(mediaType);
        JsonValue root;
        try {
            root = StrictJson.read(bytes(body));
        } catch (StrictJson.Malformed e) {
            throw AccessTokenRequest.invalid(e.getMessage());
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

    /**
     * A Content-Type whose quotes do not pair up is malformed. Jersey refuses it before this reader
     * runs; RESTEasy reads past it, so the same request would be taken on one server and not on the
     * other. Refused here alike, as the runtime that refuses it does.
     */
    private static void requireWellFormed(String contentType) {
        if (contentType != null && contentType.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw new Refusal(ApiError.BAD_REQUEST, ApiError.BAD_REQUEST.message()).carried();
        }
    }

    /**
     * JSON is UTF-8 (RFC 8259), and so is all we read: a body declared in another charset would be
     * misread, so it is refused as a media type we do not take rather than as malformed.
     */
    private static void requireUtf8(MediaType mediaType) {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw new Refusal(ApiError.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset: send application/json in UTF-8").carried();
        }
    }

    /**
     * The whole body, at most the cap: {@link RequestBodyLimitFilter} refuses larger ones first, but
     * this reader must not read without end wherever it runs.
     */
    private static byte[] bytes(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(RequestBodyLimitFilter.MAX_BYTES + 1);
        } catch (IOException e) {
            // the client stopped sending or the connection broke: its doing, so a 400, and no stack trace
            throw new Refusal(ApiError.BAD_REQUEST, ApiError.BODY_UNREADABLE).carried();
        }
        if (bytes.length > RequestBodyLimitFilter.MAX_BYTES) {
            throw new Refusal(ApiError.PAYLOAD_TOO_LARGE, RequestBodyLimitFilter.TOO_LARGE).carried();
        }
        return bytes;
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
