package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.EmailAddress;
import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.ApiException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The request envelope {@code {"data": {"type": "access_tokens", "attributes": {...}}}}, its shape
 * already checked by {@link AccessTokenRequestReader}. Each endpoint asks for the attributes it
 * needs; a missing or mistyped one is a 400 that names it.
 */
public record AccessTokenRequest(JsonObject attributes) {

    public static final String TYPE = "access_tokens";

    public EmailAddress emailAddress() {
        return new EmailAddress(text("email_address"));
    }

    public String code() {
        return text("code");
    }

    private String text(String name) {
        JsonValue value = attributes.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid("data.attributes." + name + " is required");
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid("data.attributes." + name + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID, message);
    }
}
