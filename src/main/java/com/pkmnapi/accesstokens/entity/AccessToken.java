package com.pkmnapi.accesstokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One access token of an address. Only the SHA-256 digest of the token is kept; the id is public
 * and random, so it says nothing about the token or about how many tokens exist.
 */
@Entity
@Table(name = "ACCESS_TOKEN")
@NamedQuery(name = AccessToken.COUNT_LIVE,
        query = "SELECT COUNT(t) FROM AccessToken t WHERE t.emailAddress = :emailAddress"
                + " AND (t.dateExpire IS NULL OR t.dateExpire > :now)")
@NamedQuery(name = AccessToken.DELETE_ALL_OF,
        query = "DELETE FROM AccessToken t WHERE t.emailAddress = :emailAddress")
public class AccessToken {

    /** Parameters {@code emailAddress} (normalized) and {@code now} (UTC {@link LocalDateTime}). */
    public static final String COUNT_LIVE = "AccessToken.countLive";
    /** Parameter {@code emailAddress} (normalized). */
    public static final String DELETE_ALL_OF = "AccessToken.deleteAllOf";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "DIGEST", length = 64, nullable = false, unique = true, updatable = false)
    private String digest;

    @Column(name = "EMAIL_ADDRESS", length = 254, nullable = false, updatable = false)
    private String emailAddress;

    @Column(name = "DATE_CREATE", nullable = false, updatable = false)
    private LocalDateTime dateCreate;

    @Column(name = "DATE_LAST_USED")
    private LocalDateTime dateLastUsed;

    @Column(name = "DATE_EXPIRE")
    private LocalDateTime dateExpire;

    protected AccessToken() {
        // for JPA
    }

    /**
     * @param emailAddress the normalized address that owns the token
     * @param digest hex SHA-256 of the token
     * @param expires when it stops working, or null for never
     */
    public AccessToken(String emailAddress, String digest, Instant created, Instant expires) {
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("digest must be 64 lowercase hex digits");
        }
        this.id = UUID.randomUUID().toString();
        this.emailAddress = Objects.requireNonNull(emailAddress, "emailAddress");
        this.digest = digest;
        this.dateCreate = UtcTimes.toColumn(Objects.requireNonNull(created, "created"));
        this.dateExpire = UtcTimes.toColumn(expires);
    }

    public String id() {
        return id;
    }

    public String digest() {
        return digest;
    }

    public String emailAddress() {
        return emailAddress;
    }

    public Instant created() {
        return UtcTimes.fromColumn(dateCreate);
    }

    public Instant lastUsed() {
        return UtcTimes.fromColumn(dateLastUsed);
    }

    public Instant expires() {
        return UtcTimes.fromColumn(dateExpire);
    }
}
