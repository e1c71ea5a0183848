package com.pkmnapi.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void idsAreVersion7UuidsWhoseTextSortsAsTheirTimes() {
        List<String> ids = new ArrayList<>();
        Instant time = Instant.parse("2026-11-29T10:00:00Z");
        for (int i = 0; i < 2000; i++) {
            ids.add(AuditEvent.timeOrderedId(time.plusMillis(i * 37L)));
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted, "text order is time order");
        for (String id : ids) {
            UUID uuid = UUID.fromString(id);
            assertEquals(7, uuid.version());
            assertEquals(2, uuid.variant());
            assertEquals(id, uuid.toString(), "lower case, canonical");
        }
        assertEquals(Instant.parse("2026-11-29T10:00:00Z").toEpochMilli(), UUID.fromString(ids.get(0)).getMostSignificantBits() >>> 16);
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        Instant time = Instant.parse("2026-11-29T10:00:00Z");
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(AuditEvent.timeOrderedId(time));
        }
        assertEquals(10_000, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.startsWith(ids.iterator().next().substring(0, 13))), "same time prefix");
    }

    @Test
    void anEventHappensAtLeastOnce() {
        assertThrows(IllegalArgumentException.class,
                () -> new AuditEvent(Instant.now(), "token_check_failed", "invalid", null, null, "192.0.2.1", 0));
    }
}
