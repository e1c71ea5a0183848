package com.pkmnapi.accesstokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One access token of an address. Only the SHA-256 digest of the token is kept; the id is public
 * and random, so it says nothing about the token or about how many tokens exist.
 */
@Entity
@Table(name = "ACCESS_TOKEN")
@NamedQuery(name = AccessToken.COUNT_LIVE_USED,
        query = "SELECT COUNT(t) FROM AccessToken t WHERE t.emailAddress = :emailAddress" + AccessToken.LIVE
                + " AND t.dateLastUsed IS NOT NULL")
@NamedQuery(name = AccessToken.COUNT_ALL_LIVE,
        query = "SELECT COUNT(t) FROM AccessToken t WHERE t.id IS NOT NULL" + AccessToken.LIVE)
@NamedQuery(name = AccessToken.LIVE_OF,
        query = "SELECT t FROM AccessToken t WHERE t.emailAddress = :emailAddress" + AccessToken.LIVE
                + " ORDER BY t.dateCreate DESC, t.id")
@NamedQuery(name = AccessToken.COUNT_LIVE_OF,
        query = "SELECT COUNT(t) FROM AccessToken t WHERE t.emailAddress = :emailAddress" + AccessToken.LIVE)
@NamedQuery(name = AccessToken.BY_DIGEST, query = "SELECT t FROM AccessToken t WHERE t.digest = :digest")
@NamedQuery(name = AccessToken.COUNT_STORED, query = "SELECT COUNT(t) FROM AccessToken t")
@NamedQuery(name = AccessToken.DIGESTS_AFTER,
        query = "SELECT t.digest FROM AccessToken t WHERE t.digest > :after ORDER BY t.digest")
@NamedQuery(name = AccessToken.DIGESTS_CREATED_SINCE, query = "SELECT t.digest FROM AccessToken t WHERE t.dateCreate >= :since")
@NamedQuery(name = AccessToken.RECORD_USE,
        query = "UPDATE AccessToken t SET t.dateLastUsed = :now WHERE t.id = :id"
                + " AND (t.dateLastUsed IS NULL OR t.dateLastUsed <= :recordedBefore)")
@NamedQuery(name = AccessToken.DELETE_EXPIRED,
        query = "DELETE FROM AccessToken t WHERE (t.dateExpire IS NOT NULL AND t.dateExpire <= :now)"
                + " OR t.dateCreate <= :createdBefore OR (t.dateLastUsed IS NULL AND t.dateCreate <= :unusedCreatedBefore)")
@NamedQuery(name = AccessToken.COUNT_ALL_OF, query = "SELECT COUNT(t) FROM AccessToken t WHERE t.emailAddress = :emailAddress")
@NamedQuery(name = AccessToken.IDS_OF, query = "SELECT t.id FROM AccessToken t WHERE t.emailAddress = :emailAddress")
@NamedQuery(name = AccessToken.DELETE_ALL_OF,
        query = "DELETE FROM AccessToken t WHERE t.emailAddress = :emailAddress")
public class AccessToken {

    /** Live: not past its expiry, nor its maximum lifetime, nor (if never used) its unused lifetime. */
    static final String LIVE = " AND (t.dateExpire IS NULL OR t.dateExpire > :now) AND t.dateCreate > :createdAfter"
            + " AND (t.dateLastUsed IS NOT NULL OR t.dateCreate > :unusedCreatedAfter)";
    /**
     * The live tokens that have been used: those count toward the cap, so that tokens mailed to an
     * address unasked cannot lock its owner out. Parameters {@code emailAddress} (normalized),
     * {@code now}, {@code createdAfter} and {@code unusedCreatedAfter} ({@link Instant}s: the
     * maximum lifetime, which may have been set after tokens were issued, and the unused lifetime,
     * both counted back from now), as for every query over live tokens.
     */
    public static final String COUNT_LIVE_USED = "AccessToken.countLiveUsed";
    /** How many live tokens there are, of all addresses; the parameters of {@link #COUNT_LIVE_USED} but the address. */
    public static final String COUNT_ALL_LIVE = "AccessToken.countAllLive";
    /** The live tokens of an address, newest first, with the parameters of {@link #COUNT_LIVE_USED}. */
    public static final String LIVE_OF = "AccessToken.liveOf";
    /** How many live tokens an address holds, used or not; with the parameters of {@link #COUNT_LIVE_USED}. */
    public static final String COUNT_LIVE_OF = "AccessToken.countLiveOf";
    /** Parameter {@code digest}. */
    public static final String BY_DIGEST = "AccessToken.byDigest";
    /** How many tokens are stored, live or not. */
    public static final String COUNT_STORED = "AccessToken.countStored";
    /** The digests above {@code after}, in order: pages along the digest's unique index. */
    public static final String DIGESTS_AFTER = "AccessToken.digestsAfter";
    /** The digests of the tokens created at or after {@code since} (an {@link Instant}). */
    public static final String DIGESTS_CREATED_SINCE = "AccessToken.digestsCreatedSince";
    /**
     * Parameters {@code id}, {@code now} and {@code recordedBefore} ({@link Instant}s):
     * sets the last use unless one after {@code recordedBefore} is recorded already.
     */
    public static final String RECORD_USE = "AccessToken.recordUse";
    /**
     * Parameters {@code now}, {@code createdBefore} (the maximum lifetime back from now) and
     * {@code unusedCreatedBefore} (the unused lifetime back from now): deletes what no longer works.
     */
    public static final String DELETE_EXPIRED = "AccessToken.deleteExpired";
    /** Parameter {@code emailAddress} (normalized): every token of the address, live or not. */
    public static final String COUNT_ALL_OF = "AccessToken.countAllOf";
    /** The ids of every token of an address, live or not; parameter {@code emailAddress} (normalized). */
    public static final String IDS_OF = "AccessToken.idsOf";
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
    private Instant dateCreate;

    @Column(name = "DATE_LAST_USED")
    private Instant dateLastUsed;

    @Column(name = "DATE_EXPIRE")
    private Instant dateExpire;

    @Column(name = "NAME", length = 128, updatable = false)
    private String name;

    @Column(name = "AUDIENCE", length = 700, updatable = false)
    private String audience;

    protected AccessToken() {
        // for JPA
    }

    /**
     * @param emailAddress the normalized address that owns the token
     * @param digest hex SHA-256 of the token
     * @param expires when it stops working, or null for never
     * @param name the name its owner gave it, or null
     */
    public AccessToken(String emailAddress, String digest, Instant created, Instant expires, String name) {
        this(emailAddress, digest, created, expires, name, null);
    }

    /**
     * @param audience the services it is for, space-separated as
     *        {@code control.TokenAudience#stored} writes them, or null for every service
     */
    public AccessToken(String emailAddress, String digest, Instant created, Instant expires, String name, String audience) {
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("digest must be 64 lowercase hex digits");
        }
        this.id = UUID.randomUUID().toString();
        this.emailAddress = Objects.requireNonNull(emailAddress, "emailAddress");
        this.digest = digest;
        this.dateCreate = Objects.requireNonNull(created, "created");
        this.dateExpire = expires;
        this.name = name;
        this.audience = audience;
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
        return dateCreate;
    }

    public Instant lastUsed() {
        return dateLastUsed;
    }

    public Instant expires() {
        return dateExpire;
    }

    /** The services it is for, space-separated, or null for every service. */
    public String audience() {
        return audience;
    }

    /** The name its owner gave it, or null. */
    public String name() {
        return name;
    }

    /**
     * Expired at its own expiry, once older than the maximum lifetime (a lifetime set after the
     * token was issued applies to it too), or, if it was never used, once older than the unused
     * lifetime.
     */
    public boolean isExpired(Instant now, Optional<Duration> maximumLifetime, Duration unusedLifetime) {
        return isExpired(created(), expires(), lastUsed(), now, maximumLifetime, unusedLifetime);
    }

    /** The expiry rule, for a token known by its times. */
    public static boolean isExpired(Instant created, Instant expires, Instant lastUsed, Instant now,
            Optional<Duration> maximumLifetime, Duration unusedLifetime) {
        if (expires != null && !now.isBefore(expires)) {
            return true;
        }
        if (lastUsed == null && !now.isBefore(created.plus(unusedLifetime))) {
            return true;
        }
        return maximumLifetime.map(lifetime -> !now.isBefore(created.plus(lifetime))).orElse(false);
    }

    /** Whether a use at {@code now} is to be recorded, given the last recorded one. */
    public static boolean isUseDue(Instant lastUsed, Instant now, Duration resolution) {
        return lastUsed == null || !now.isBefore(lastUsed.plus(resolution));
    }
}
