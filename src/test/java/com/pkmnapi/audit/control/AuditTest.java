package com.pkmnapi.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.audit.entity.AuditEvent;
import com.pkmnapi.platform.CurrentClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import com.pkmnapi.platform.Outcome;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTest {

    private static final Instant MINUTE = Instant.parse("2026-11-29T10:15:00Z");

    private final List<AuditEvent> saved = new ArrayList<>();
    private final List<String> recounted = new ArrayList<>();
    private final Audit audit = new Audit();
    private String client = "192.0.2.7";
    private Instant now = MINUTE.plusSeconds(10);

    @BeforeEach
    void wire() {
        audit.store = new AuditStore() {
            @Override
            public void save(Collection<AuditEvent> events) {
                saved.addAll(events);
            }

            @Override
            public void recount(Collection<AuditEvent> events) {
                events.forEach(event -> recounted.add(event.id() + " " + event.occurrences()));
            }
        };
        audit.client = new CurrentClient() {
            @Override
            public String address() {
                return client;
            }
        };
        audit.clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    @Test
    void anEventIsStoredWithTheRequestsClientAndTime() {
        audit.record(AuditKind.TOKEN_ISSUED, AuditOutcome.SUCCESS, "7f3c", "owner@example.com");

        assertEquals(1, saved.size());
        AuditEvent event = saved.get(0);
        assertEquals("token_issued", event.kind());
        assertEquals("success", event.outcome());
        assertEquals("7f3c", event.tokenId());
        assertEquals("owner@example.com", event.emailAddress());
        assertEquals("192.0.2.7", event.clientAddress());
        assertEquals(now, event.dateEvent());
        assertEquals(1, event.occurrences());
    }

    @Test
    void failedChecksAreStoredPerClientMinuteAndOutcomeOnceTheMinuteHasEnded() {
        for (int i = 0; i < 500; i++) {
            audit.failedCheck(Checks.INVALID);
        }
        audit.failedCheck(Checks.EXPIRED);
        client = "192.0.2.8";
        audit.failedCheck(Checks.INVALID);
        now = MINUTE.plusSeconds(70);
        audit.failedCheck(Checks.INVALID);

        audit.storeCounted(MINUTE.plusSeconds(59));
        assertTrue(saved.isEmpty(), "nothing before the minute ends");

        audit.storeCounted(MINUTE.plusSeconds(60));
        assertEquals(List.of("192.0.2.7 invalid 500", "192.0.2.7 expired 1", "192.0.2.8 invalid 1"),
                saved.stream().map(event -> event.clientAddress() + " " + event.outcome() + " " + event.occurrences())
                        .sorted((a, b) -> a.startsWith("192.0.2.7 invalid") ? -1 : b.startsWith("192.0.2.7 invalid") ? 1 : a.compareTo(b))
                        .toList());
        assertTrue(saved.stream().allMatch(event -> event.dateEvent().equals(MINUTE) && event.kind().equals("token_check_failed")
                && event.emailAddress() == null && event.tokenId() == null));

        saved.clear();
        audit.storeCounted(MINUTE.plusSeconds(60));
        assertTrue(saved.isEmpty(), "each count is saved once");
        audit.storeCounted(MINUTE.plusSeconds(120));
        assertEquals(1, saved.size(), "the next minute's");
        assertEquals(MINUTE.plusSeconds(60), saved.get(0).dateEvent());
    }

    @Test
    void pastTheMostClientsKeptApartNewClientsAreCountedAsOne() {
        for (int i = 0; i < Audit.MAX_COUNTED_KEYS + 50; i++) {
            client = "10.0." + (i / 250) + "." + (i % 250);
            audit.failedCheck(Checks.INVALID);
        }
        audit.storeCounted(MINUTE.plusSeconds(60));

        assertEquals(Audit.MAX_COUNTED_KEYS + 1, saved.size());
        AuditEvent others = saved.stream().filter(event -> event.clientAddress() == null).findFirst().orElseThrow();
        assertEquals(50, others.occurrences());
    }

    @Test
    void aRefusalIsStoredAtOnceAndItsRepeatsAreCountedIntoItOnceTheMinuteHasEnded() {
        for (int i = 0; i < 590; i++) {
            audit.refused(AuditKind.TOKEN_REQUEST_REFUSED, AuditOutcome.RATE_LIMITED, null);
        }
        audit.refused(AuditKind.TOKEN_REQUEST_REFUSED, Checks.WRONG_CODE, "owner@example.com");
        audit.refused(AuditKind.TOKEN_REQUEST_REFUSED, Checks.WRONG_CODE, "other@example.com");
        for (int i = 0; i < 11; i++) {
            audit.refused(AuditKind.TOKEN_REQUEST_REFUSED, Checks.WRONG_CODE, "owner@example.com");
        }

        assertEquals(List.of("rate_limited null 1", "wrong_code owner@example.com 1", "wrong_code other@example.com 1"),
                saved.stream().map(event -> event.outcome() + " " + event.emailAddress() + " " + event.occurrences()).toList(),
                "the first of each at once, with its own time");
        assertTrue(saved.stream().allMatch(event -> event.dateEvent().equals(now)));
        audit.storeCounted(MINUTE.plusSeconds(59));
        assertTrue(recounted.isEmpty(), "nothing before the minute ends");

        audit.storeCounted(MINUTE.plusSeconds(60));
        assertEquals(3, saved.size(), "no new row");
        assertEquals(List.of(saved.get(0).id() + " 590", saved.get(1).id() + " 12"), recounted.stream().sorted(
                (a, b) -> a.startsWith(saved.get(0).id()) ? -1 : 1).toList(), "the first events with the minute's counts; the one that came once is left");
        recounted.clear();
        audit.storeCounted(MINUTE.plusSeconds(120));
        assertTrue(recounted.isEmpty(), "each count is stored once");

        now = MINUTE.plusSeconds(61);
        audit.refused(AuditKind.TOKEN_REQUEST_REFUSED, AuditOutcome.RATE_LIMITED, null);
        assertEquals(4, saved.size(), "the next minute's first is an event of its own");
    }

    @Test
    void pastTheMostKeysKeptApartRefusalsLoseTheirClientAndAddress() {
        for (int i = 0; i < Audit.MAX_COUNTED_KEYS + 50; i++) {
            audit.refused(AuditKind.TOKEN_REQUEST_REFUSED, Checks.WRONG_CODE, "a" + i + "@example.com");
        }
        audit.storeCounted(MINUTE.plusSeconds(60));

        assertEquals(Audit.MAX_COUNTED_KEYS + 1, saved.size(), "a row per key, and one for the rest");
        AuditEvent others = saved.get(saved.size() - 1);
        assertNull(others.clientAddress());
        assertNull(others.emailAddress());
        assertEquals(List.of(others.id() + " 50"), recounted);
    }

    @Test
    void theLogLineIsOneJsonObjectWithEveryField() {
        audit.record(AuditKind.DELETION_CODE_REFUSED, Checks.WRONG_CODE, null, "owner@example.com");

        String line = Audit.line(saved.get(0));

        assertTrue(!line.contains("\n"), "one line");
        JsonObject json = Json.createReader(new StringReader(line)).readObject();
        assertEquals(saved.get(0).id(), json.getString("id"));
        assertEquals("2026-11-29T10:15:10Z", json.getString("time"));
        assertEquals("deletion_code_refused", json.getString("kind"));
        assertEquals("wrong_code", json.getString("outcome"));
        assertTrue(json.isNull("token_id"));
        assertEquals("owner@example.com", json.getString("email_address"));
        assertEquals("192.0.2.7", json.getString("client_address"));
        assertEquals(1, json.getInt("occurrences"));
    }

    @Test
    void anEventTheDatabaseRefusesIsLoggedAndTheRequestStands() {
        List<String> warnings = new ArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Audit.LOGGER);
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel() == java.util.logging.Level.WARNING) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        audit.store = new AuditStore() {
            @Override
            public void save(Collection<AuditEvent> events) {
                throw new jakarta.ejb.EJBException("database down");
            }
        };
        try {
            audit.record(AuditKind.TOKEN_ISSUED, AuditOutcome.SUCCESS, "7f3c", "owner@example.com");
        } finally {
            log.removeHandler(handler);
        }

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Audit event not stored, only logged: {"), warnings.get(0));
        assertTrue(warnings.get(0).contains("\"token_id\":\"7f3c\""), warnings.get(0));
    }

    @Test
    void aLongClientAddressIsCut() {
        client = "fe80::1234:5678:9abc:def0%" + "x".repeat(80);
        audit.record(AuditKind.TOKEN_ISSUED, AuditOutcome.SUCCESS, null, null);
        assertEquals(Audit.CLIENT_ADDRESS_LENGTH, saved.get(0).clientAddress().length());
        assertNull(saved.get(0).tokenId());
    }

    /** Outcomes of a feature's own, as the token feature names its failed checks and refusals. */
    private enum Checks implements Outcome {
        INVALID, EXPIRED, WRONG_CODE
    }
}
