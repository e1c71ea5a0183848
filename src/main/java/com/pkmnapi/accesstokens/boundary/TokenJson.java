package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.platform.JsonObjects;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A token as the API shows it to its owner, in {@code GET /v1/access_tokens/current} and in the
 * list: {@code {"id", "type": "access_tokens", "attributes": {...}}}. Never its secret or digest.
 */
final class TokenJson {

    private TokenJson() {
    }

    /**
     * @param emailAddress the owner's address, normalized
     * @param name the owner's name for it, or null
     * @param audience the services it is for; empty (JSON null) for every service
     * @param current whether it is the token the request came with
     */
    static JsonObjectBuilder of(String id, String emailAddress, String name, Instant created, Instant lastUsed,
            Instant expires, List<String> audience, boolean current) {
        JsonObjectBuilder attributes = JsonObjects.builder().add("email_address", emailAddress);
        JsonObjects.addText(attributes, "name", name);
        time(attributes, "date_create", created);
        time(attributes, "date_last_used", lastUsed);
        time(attributes, "date_expire", expires);
        if (audience.isEmpty()) {
            attributes.addNull("audience");
        } else {
            attributes.add("audience", JsonObjects.strings(audience));
        }
        attributes.add("current", current);
        return JsonObjects.builder()
                .add("id", id)
                .add("type", AccessTokenRequest.TYPE)
                .add("attributes", attributes);
    }

    /** RFC 3339 in UTC, to the second; JSON null where there is no such time. */
    private static void time(JsonObjectBuilder attributes, String name, Instant instant) {
        if (instant == null) {
            attributes.addNull(name);
        } else {
            attributes.add(name, DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
        }
    }
}
