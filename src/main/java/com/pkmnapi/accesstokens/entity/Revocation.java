package com.pkmnapi.accesstokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A revocation, as the other servers of a cluster learn of it: one token by its id, or every
 * token of an address, and when. Kept for minutes, only so that each server can read the
 * revocations since it last looked and forget those tokens (see the access-token control's
 * revocation log); the audit trail is the record.
 */
@Entity
@Table(name = "REVOCATION")
@NamedQuery(name = Revocation.SINCE, query = "SELECT r FROM Revocation r WHERE r.dateRevoked >= :since")
@NamedQuery(name = Revocation.DELETE_BEFORE, query = "DELETE FROM Revocation r WHERE r.dateRevoked < :before")
public class Revocation {

    /** The revocations at or after the instant {@code since}. */
    public static final String SINCE = "Revocation.since";
    /** The revocations before the instant {@code before}. */
    public static final String DELETE_BEFORE = "Revocation.deleteBefore";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "DATE_REVOKED", nullable = false)
    private Instant dateRevoked;

    @Column(name = "TOKEN_ID", length = 36)
    private String tokenId;

    @Column(name = "EMAIL_ADDRESS", length = 254)
    private String emailAddress;

    protected Revocation() {
    }

    /** One of {@code tokenId} and {@code emailAddress} (normalized) is set. */
    public Revocation(Instant dateRevoked, String tokenId, String emailAddress) {
        if ((tokenId == null) == (emailAddress == null)) {
            throw new IllegalArgumentException("A revocation is of one token or of one address");
        }
        this.id = UUID.randomUUID().toString();
        this.dateRevoked = Objects.requireNonNull(dateRevoked);
        this.tokenId = tokenId;
        this.emailAddress = emailAddress;
    }

    public String id() {
        return id;
    }

    public Instant dateRevoked() {
        return dateRevoked;
    }

    public String tokenId() {
        return tokenId;
    }

    public String emailAddress() {
        return emailAddress;
    }
}
