package com.pkmnapi.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Something that happened to an address's tokens, or a refusal: when, what, of which token and
 * address, from which client, with which outcome, and how often (refusals and failed token checks
 * are counted per client, address and minute, so that a flood makes few events). Never a token or
 * a code.
 * <p>
 * Ids are UUIDs of version 7: they begin with the time, so that their text sorts as the events
 * happened (within a millisecond, as it falls) and pages can follow one another by id.
 */
@Entity
@Table(name = "AUDIT_EVENT")
@NamedQuery(name = AuditEvent.NEWEST_OF,
        query = "SELECT e FROM AuditEvent e WHERE e.emailAddress = :emailAddress ORDER BY e.id DESC")
@NamedQuery(name = AuditEvent.OLDER_OF,
        query = "SELECT e FROM AuditEvent e WHERE e.emailAddress = :emailAddress AND e.id < :before ORDER BY e.id DESC")
@NamedQuery(name = AuditEvent.DELETE_BEFORE, query = "DELETE FROM AuditEvent e WHERE e.dateEvent < :before")
public class AuditEvent {

    /** An address's events, newest first; parameter {@code emailAddress} (normalized). */
    public static final String NEWEST_OF = "AuditEvent.newestOf";
    /** As {@link #NEWEST_OF}, those before the event of id {@code before}. */
    public static final String OLDER_OF = "AuditEvent.olderOf";
    /** The events before the instant {@code before}. */
    public static final String DELETE_BEFORE = "AuditEvent.deleteBefore";

    private static final Random RANDOM = new SecureRandom();

    @Id
    @Column(name = "ID")
    private String id;

    @Column(name = "DATE_EVENT", nullable = false)
    private Instant dateEvent;

    @Column(name = "KIND", nullable = false)
    private String kind;

    @Column(name = "OUTCOME", nullable = false)
    private String outcome;

    @Column(name = "TOKEN_ID")
    private String tokenId;

    @Column(name = "EMAIL_ADDRESS")
    private String emailAddress;

    @Column(name = "CLIENT_ADDRESS")
    private String clientAddress;

    @Column(name = "OCCURRENCES", nullable = false)
    private int occurrences;

    protected AuditEvent() {
    }

    /**
     * @param tokenId the token's public id, or null where no one token is concerned
     * @param emailAddress the normalized address, or null where none is known
     * @param clientAddress the client's IP address, or null where there was no request
     */
    public AuditEvent(Instant dateEvent, String kind, String outcome, String tokenId, String emailAddress,
            String clientAddress, int occurrences) {
        if (occurrences < 1) {
            throw new IllegalArgumentException("An event happens at least once");
        }
        this.id = timeOrderedId(dateEvent);
        this.dateEvent = Objects.requireNonNull(dateEvent);
        this.kind = Objects.requireNonNull(kind);
        this.outcome = Objects.requireNonNull(outcome);
        this.tokenId = tokenId;
        this.emailAddress = emailAddress;
        this.clientAddress = clientAddress;
        this.occurrences = occurrences;
    }

    /** A UUID of version 7 (RFC 9562): 48 bits of milliseconds since 1970, then random bits. */
    static String timeOrderedId(Instant time) {
        long mostSignificant = (time.toEpochMilli() << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long leastSignificant = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    public String id() {
        return id;
    }

    public Instant dateEvent() {
        return dateEvent;
    }

    public String kind() {
        return kind;
    }

    public String outcome() {
        return outcome;
    }

    public String tokenId() {
        return tokenId;
    }

    public String emailAddress() {
        return emailAddress;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public int occurrences() {
        return occurrences;
    }

    /** The number of times the event happened in its minute, once the minute has ended. */
    public void recount(int occurrences) {
        if (occurrences < this.occurrences) {
            throw new IllegalArgumentException("A count only grows");
        }
        this.occurrences = occurrences;
    }
}
