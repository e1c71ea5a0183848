package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.audit.entity.AuditEvent;
import com.pkmnapi.platform.JsonObjects;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An audit event as its owner reads it in {@code GET /v1/access_tokens/events}:
 * {@code {"id", "type": "events", "attributes": {...}}}. The address is the owner's own, so it is
 * not repeated.
 */
final class EventJson {

    static final String TYPE = "events";

    private EventJson() {
    }

    static JsonObjectBuilder of(AuditEvent event) {
        JsonObjectBuilder attributes = JsonObjects.builder()
                .add("date_event", DateTimeFormatter.ISO_INSTANT.format(event.dateEvent().truncatedTo(ChronoUnit.MILLIS)))
                .add("kind", event.kind())
                .add("outcome", event.outcome());
        JsonObjects.addText(attributes, "token_id", event.tokenId());
        JsonObjects.addText(attributes, "client_address", event.clientAddress());
        attributes.add("occurrences", event.occurrences());
        return JsonObjects.builder()
                .add("id", event.id())
                .add("type", TYPE)
                .add("attributes", attributes);
    }
}
