package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.EmailAddress;
import com.pkmnapi.accesstokens.control.InvalidAudience;
import com.pkmnapi.accesstokens.control.TokenAudience;
import com.pkmnapi.accesstokens.control.TokenName;
import com.pkmnapi.accesstokens.control.TokenOptions;
import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.ApiException;
import com.pkmnapi.platform.Refusal;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The request envelope {@code {"data": {"type": "access_tokens", "attributes": {...}}}}, its shape
 * already checked by {@link AccessTokenRequestReader}. Each endpoint asks for the attributes it
 * needs; a missing or mistyped one is a 400 that names it. Attributes an endpoint does not use are
 * ignored, as they always were.
 */
public record AccessTokenRequest(JsonObject attributes) {

    public static final String TYPE = "access_tokens";

    private static final BigInteger LONGEST = BigInteger.valueOf(Long.MAX_VALUE);

    public EmailAddress emailAddress() {
        return new EmailAddress(text("email_address"));
    }

    public String code() {
        return text("code");
    }

    /**
     * The optional attributes of a token request: {@code name} (a string), {@code expires_in}
     * (a whole number of seconds) and {@code audience} (a list of service names); absent or null, the token is as it would be without them.
     * Whether the lifetime is within the allowed range is the token manager's to say: here a
     * number too large for a long stands for the longest one, which is refused there.
     */
    public TokenOptions tokenOptions() {
        Optional<TokenName> name = optional("name", JsonValue.ValueType.STRING, "a string")
                .map(value -> new TokenName(((JsonString) value).getString()));
        Optional<Duration> lifetime = optional("expires_in", JsonValue.ValueType.NUMBER, "a whole number of seconds")
                .map(value -> seconds((JsonNumber) value));
        Optional<TokenAudience> audience = optional("audience", JsonValue.ValueType.ARRAY, "a list of service names")
                .map(value -> audience(value.asJsonArray()));
        return new TokenOptions(name, lifetime, audience);
    }

    private Optional<JsonValue> optional(String name, JsonValue.ValueType type, String what) {
        JsonValue value = attributes.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != type) {
            throw invalid("data.attributes." + name + " must be " + what);
        }
        return Optional.of(value);
    }

    private static TokenAudience audience(JsonArray names) {
        List<String> services = new ArrayList<>();
        for (JsonValue name : names) {
            if (name.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidAudience();
            }
            services.add(((JsonString) name).getString());
        }
        return new TokenAudience(services);
    }

    private static Duration seconds(JsonNumber number) {
        if (!number.isIntegral()) {
            throw invalid("data.attributes.expires_in must be a whole number of seconds");
        }
        BigInteger seconds = number.bigIntegerValue();
        return Duration.ofSeconds(seconds.min(LONGEST).longValue());
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
        return new Refusal(ApiError.INVALID, message).carried();
    }
}
