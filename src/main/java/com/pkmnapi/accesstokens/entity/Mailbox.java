package com.pkmnapi.accesstokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one address: when it was last sent a token, when it last asked for a deletion code,
 * and the pending deletion code (its digest, expiry and wrong tries). Its row is also the lock that
 * serializes every request for the address, so that concurrent requests cannot both pass a check.
 */
@Entity
@Table(name = "MAILBOX")
@NamedQuery(name = Mailbox.DROP_DEAD_CODES,
        query = "UPDATE Mailbox m SET m.deletionCodeDigest = NULL, m.dateDeletionCodeExpire = NULL"
                + " WHERE m.dateDeletionCodeExpire <= :now")
@NamedQuery(name = Mailbox.IDLE,
        query = "SELECT m.emailAddress FROM Mailbox m WHERE m.deletionCodeDigest IS NULL"
                + " AND (m.dateLastTokenMail IS NULL OR m.dateLastTokenMail <= :windowStart)"
                + " AND (m.dateLastDeletionRequest IS NULL OR m.dateLastDeletionRequest <= :windowStart)"
                + " AND NOT EXISTS (SELECT t FROM AccessToken t WHERE t.emailAddress = m.emailAddress)")
public class Mailbox {

    /** Parameter {@code now}: forgets the codes that have expired. */
    public static final String DROP_DEAD_CODES = "Mailbox.dropDeadCodes";
    /**
     * Parameter {@code windowStart} (now less the re-send window): the addresses whose rows keep
     * nothing any more, neither a code, nor an open window, nor a token.
     */
    public static final String IDLE = "Mailbox.idle";

    @Id
    @Column(name = "EMAIL_ADDRESS", length = 254)
    private String emailAddress;

    @Column(name = "DATE_LAST_TOKEN_MAIL")
    private Instant dateLastTokenMail;

    @Column(name = "DATE_LAST_DELETION_REQUEST")
    private Instant dateLastDeletionRequest;

    @Column(name = "DELETION_CODE_DIGEST", length = 64)
    private String deletionCodeDigest;

    @Column(name = "DATE_DELETION_CODE_EXPIRE")
    private Instant dateDeletionCodeExpire;

    protected Mailbox() {
        // for JPA
    }

    /** @param emailAddress the normalized address */
    public Mailbox(String emailAddress) {
        this.emailAddress = Objects.requireNonNull(emailAddress, "emailAddress");
    }

    public String emailAddress() {
        return emailAddress;
    }

    /** How long the address must still wait for another token mail, if at all. */
    public Optional<Duration> tokenMailWait(Instant now, Duration window) {
        return remaining(dateLastTokenMail, now, window);
    }

    public void tokenMailSent(Instant now) {
        dateLastTokenMail = now;
    }

    /** When the address was last sent a token, or null. */
    public Instant lastTokenMail() {
        return dateLastTokenMail;
    }

    /**
     * The token mail recorded at {@code sentAt} did not go out: the window is as it was before,
     * unless a later token mail has been recorded since.
     */
    public void tokenMailUndone(Instant sentAt, Instant previous) {
        if (sentAt.equals(lastTokenMail())) {
            dateLastTokenMail = previous;
        }
    }

    /** How long the address must still wait before it may ask for a deletion code again, if at all. */
    public Optional<Duration> deletionRequestWait(Instant now, Duration window) {
        return remaining(dateLastDeletionRequest, now, window);
    }

    public void deletionRequested(Instant now) {
        dateLastDeletionRequest = now;
    }

    /** A new code replaces any earlier one. */
    public void newDeletionCode(String digest, Instant expires) {
        deletionCodeDigest = Objects.requireNonNull(digest, "digest");
        dateDeletionCodeExpire = Objects.requireNonNull(expires, "expires");
    }

    /** Nothing kept: no code and no window open at {@code now} (tokens are the caller's to count). */
    public boolean isIdle(Instant now, Duration window) {
        return deletionCodeDigest == null && tokenMailWait(now, window).isEmpty()
                && deletionRequestWait(now, window).isEmpty();
    }

    public boolean hasDeletionCode() {
        return deletionCodeDigest != null;
    }

    /**
     * Checks a deletion code by its digest. The right one, in time, is used up and gives true; an
     * expired one is dropped. A wrong one changes nothing: were wrong tries to kill the code,
     * anyone could kill the owner's (guessing is stopped per client instead, by the caller).
     * Nothing here deletes a token: that is for the caller, on true only.
     */
    public boolean useDeletionCode(String digest, Instant now) {
        if (deletionCodeDigest == null) {
            return false;
        }
        if (!dateDeletionCodeExpire.isAfter(now)) {
            dropDeletionCode();
            return false;
        }
        if (MessageDigest.isEqual(deletionCodeDigest.getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII))) {
            dropDeletionCode();
            return true;
        }
        return false;
    }

    private void dropDeletionCode() {
        deletionCodeDigest = null;
        dateDeletionCodeExpire = null;
    }

    static Optional<Duration> remaining(Instant last, Instant now, Duration window) {
        if (last == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, last.plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
