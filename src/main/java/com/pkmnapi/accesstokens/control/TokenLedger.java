package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.AccessToken;
import com.pkmnapi.accesstokens.entity.Mailbox;
import com.pkmnapi.accesstokens.entity.Revocation;
import com.pkmnapi.audit.control.Audit;
import com.pkmnapi.audit.control.AuditKind;
import com.pkmnapi.audit.control.AuditOutcome;
import com.pkmnapi.mail.MailBusy;
import com.pkmnapi.mail.MailNotSent;
import com.pkmnapi.mail.MailSlot;
import com.pkmnapi.platform.DatabaseSettings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The decisions about an address, each in one short transaction under a lock on the address's
 * {@link Mailbox} row: concurrent requests for one address run one after the other and cannot
 * both pass a check, and none of them waits for an SMTP server (the {@link TokenManager} sends
 * after these have committed). A lock that cannot be had within a few seconds is a
 * {@link MailboxBusy}, never a server error.
 */
@Stateless
public class TokenLedger {

    private static final Logger LOG = Logger.getLogger(TokenLedger.class.getName());
    /** How long a revocation stays in the log that carries it to the other servers. */
    static final Duration REVOCATIONS_KEPT = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    AddressLocks addressLocks;

    @Inject
    TokenPolicy policy;

    /** Its lock wait: this server's own address locks wait as long as the database's row locks. */
    @Inject
    DatabaseSettings database;

    @Inject
    Clock clock;

    @Inject
    Event<TokensRevoked> revocations;

    @Inject
    Audit audit;

    @Inject
    LiveDigests liveDigests;

    /**
     * Records a new token for the address and starts its re-send window, if the rules allow one
     * and a mail slot is free. The token is live from the commit on, before it is mailed, so that
     * a mail that arrives always carries a token that verifies; its audit event commits with it.
     *
     * @throws ResendWindowOpen if the address was sent a token within the re-send window
     * @throws TokenLimitReached if the address holds the most live tokens it may (tokens never
     *         used do not count: unsolicited ones must not lock the owner out)
     * @throws MailBusy if no mail slot is free
     */
    public IssuedToken recordToken(EmailAddress address, TokenOptions options, MailSlot slot) {
        Mailbox mailbox = lock(address);
        Instant now = clock.instant();
        mailbox.tokenMailWait(now, policy.resendWindow()).ifPresent(wait -> {
            throw new ResendWindowOpen(wait);
        });
        if (live(AccessToken.COUNT_LIVE_USED, Long.class, address.normalized(), now).getSingleResult() >= policy.tokenCap()) {
            throw new TokenLimitReached(policy.tokenCap());
        }
        slot.take();
        String token = Secrets.newToken();
        String digest = Secrets.digest(token);
        AccessToken stored = new AccessToken(address.normalized(), digest, now,
                options.lifetime().or(policy::tokenLifetime).map(now::plus).orElse(null),
                options.name().map(TokenName::value).orElse(null), TokenAudience.stored(options.audience()));
        em.persist(stored);
        liveDigests.issued(digest);
        audit.record(AuditKind.TOKEN_ISSUED, AuditOutcome.SUCCESS, stored.id(), address.normalized());
        Instant previous = mailbox.lastTokenMail();
        mailbox.tokenMailSent(now);
        return new IssuedToken(stored.id(), token, address, now, previous);
    }

    /**
     * Undoes a token whose mail did not go out: the token goes, the re-send window is as before,
     * and the refusal is recorded with the token's id, after its {@code token_issued}.
     */
    public void forgetToken(IssuedToken issued, MailNotSent failure) {
        Mailbox mailbox = lock(issued.address());
        audit.record(AuditKind.TOKEN_REQUEST_REFUSED, failure.outcome(), issued.id(), issued.address().normalized());
        AccessToken stored = em.find(AccessToken.class, issued.id());
        if (stored != null) {
            em.remove(stored);
        }
        mailbox.tokenMailUndone(issued.sentAt(), issued.previousTokenMail());
        revocations.fire(TokensRevoked.one(issued.id()));
        removeIfIdle(mailbox);
    }

    /**
     * Removes the address's row if it keeps nothing any more; a request that holds it is waited
     * for, and what it recorded counts. A row locked too long stays, for the next purge.
     */
    public void removeIfIdle(String normalizedAddress) {
        try {
            Mailbox mailbox = em.find(Mailbox.class, normalizedAddress, LockModeType.PESSIMISTIC_WRITE);
            if (mailbox != null) {
                removeIfIdle(mailbox);
            }
        } catch (PersistenceException e) {
            if (!LockWaits.ranOut(e)) {
                throw e;
            }
        }
    }

    /**
     * Deletes the tokens past their expiry, their maximum lifetime or (never used) their unused
     * lifetime, and forgets the deletion codes past theirs.
     *
     * @return how many tokens were deleted
     */
    public int purgeExpired(Instant now) {
        int tokens = em.createNamedQuery(AccessToken.DELETE_EXPIRED)
                .setParameter("now", now)
                .setParameter("createdBefore", policy.tokenLifetime().map(now::minus).orElse(Instant.EPOCH))
                .setParameter("unusedCreatedBefore", now.minus(policy.unusedLifetime()))
                .executeUpdate();
        em.createNamedQuery(Mailbox.DROP_DEAD_CODES).setParameter("now", now).executeUpdate();
        // every server has read them long before: it reads a minute back, at least once a delay
        em.createNamedQuery(Revocation.DELETE_BEFORE).setParameter("before", now.minus(REVOCATIONS_KEPT)).executeUpdate();
        return tokens;
    }

    private void removeIfIdle(Mailbox mailbox) {
        em.flush();
        long tokens = em.createNamedQuery(AccessToken.COUNT_ALL_OF, Long.class)
                .setParameter("emailAddress", mailbox.emailAddress())
                .getSingleResult();
        if (tokens == 0 && mailbox.isIdle(clock.instant(), policy.resendWindow())) {
            em.remove(mailbox);
        }
    }

    /**
     * Accepts a deletion request and, if the address holds tokens, records the digest of a new
     * code, which replaces any earlier one. The window starts either way, and the work is the same
     * (one query for the live tokens), so that nobody learns from the answers which addresses hold
     * tokens.
     *
     * @return the new code, to be mailed once this has committed; empty if there are no tokens
     * @throws ResendWindowOpen if the address asked within the re-send window
     */
    public Optional<DeletionCode> acceptDeletionRequest(EmailAddress address) {
        Mailbox mailbox = lock(address);
        Instant now = clock.instant();
        mailbox.deletionRequestWait(now, policy.resendWindow()).ifPresent(wait -> {
            throw new ResendWindowOpen(wait);
        });
        mailbox.deletionRequested(now);
        boolean holdsTokens = live(AccessToken.COUNT_LIVE_OF, Long.class, address.normalized(), now).getSingleResult() > 0;
        // in this transaction: holders and non-holders cost the same one commit
        audit.record(AuditKind.DELETION_REQUESTED, holdsTokens ? TokenOutcome.CODE_MAILED : TokenOutcome.NO_TOKENS,
                null, address.normalized());
        if (!holdsTokens) {
            return Optional.empty();
        }
        String code = Secrets.newDeletionCode();
        mailbox.newDeletionCode(Secrets.digest(code), now.plus(policy.codeLifetime()));
        return Optional.of(new DeletionCode(code));
    }

    /**
     * Revokes every token of the address, if the code is its pending deletion code. The code is
     * checked before anything is deleted, and used up.
     *
     * @return how many tokens were revoked
     * @throws InvalidDeletionCode if the code is wrong, used or expired, or none is pending
     */
    public int revokeAll(EmailAddress address, String code) {
        // an address without a row has no code to check: a wrong code for it adds no row
        Mailbox mailbox = lockIfThere(address).orElseThrow(InvalidDeletionCode::new);
        if (!mailbox.useDeletionCode(Secrets.digest(code), clock.instant())) {
            throw new InvalidDeletionCode();
        }
        List<String> ids = em.createNamedQuery(AccessToken.IDS_OF, String.class)
                .setParameter("emailAddress", address.normalized())
                .getResultList();
        int revoked = em.createNamedQuery(AccessToken.DELETE_ALL_OF)
                .setParameter("emailAddress", address.normalized())
                .executeUpdate();
        // under the address's lock: no token of it came or went between the two
        ids.forEach(id -> audit.record(AuditKind.TOKEN_REVOKED_BY_CODE, AuditOutcome.SUCCESS, id, address.normalized()));
        LOG.info(() -> "Revoked " + revoked + " access token(s) with a deletion code");
        revocations.fire(TokensRevoked.allOf(address.normalized()));
        return revoked;
    }

    /** Revokes one token by its id; revoking one that is already gone is no error. */
    public void revoke(String tokenId) {
        AccessToken stored = em.find(AccessToken.class, tokenId);
        if (stored != null) {
            em.remove(stored);
            audit.record(AuditKind.TOKEN_REVOKED_BY_ITSELF, AuditOutcome.SUCCESS, tokenId, stored.emailAddress());
            LOG.info(() -> "Revoked access token " + tokenId + " with itself");
        }
        revocations.fire(TokensRevoked.one(tokenId));
    }

    /** @see TokenManager#liveTokens */
    public List<TokenSummary> liveTokens(String owner) {
        return live(AccessToken.LIVE_OF, AccessToken.class, owner, clock.instant()).getResultStream()
                .map(TokenSummary::of)
                .toList();
    }

    /** @see TokenManager#revokeOwn */
    public boolean revokeOwn(String tokenId, String owner) {
        AccessToken stored = em.find(AccessToken.class, tokenId);
        if (stored == null || !stored.emailAddress().equals(owner)) {
            return false;
        }
        em.remove(stored);
        audit.record(AuditKind.TOKEN_REVOKED_BY_ID, AuditOutcome.SUCCESS, tokenId, owner);
        LOG.info(() -> "Revoked access token " + tokenId + " by its id");
        revocations.fire(TokensRevoked.one(tokenId));
        return true;
    }

    /**
     * Locks the address's row, making it first where the address has none yet, in this same
     * transaction: a first request costs what a later one does (one read, one write, one commit),
     * so that nobody can tell from the time of an answer whether an address was known.
     */
    private Mailbox lock(EmailAddress address) {
        String key = address.normalized();
        try {
            Mailbox mailbox = em.find(Mailbox.class, key, LockModeType.PESSIMISTIC_WRITE);
            // another first request for the address on this server goes first, then finds its row
            if (mailbox == null && addressLocks.lockUntilTransactionEnds(key, database.lockWait().toMillis())) {
                mailbox = em.find(Mailbox.class, key, LockModeType.PESSIMISTIC_WRITE);
            }
            if (mailbox == null) {
                mailbox = new Mailbox(key);
                em.persist(mailbox);
                // the insert holds the new row from here; a first request on another server at
                // the same moment waits for it, then fails on the primary key: a MailboxBusy
                em.flush();
            }
            return mailbox;
        } catch (PersistenceException e) {
            if (LockWaits.ranOut(e) || LockWaits.isDuplicateKey(e)) {
                throw new MailboxBusy(e);
            }
            throw e;
        }
    }

    /** Locks the address's row where it has one; makes none. */
    private Optional<Mailbox> lockIfThere(EmailAddress address) {
        try {
            return Optional.ofNullable(em.find(Mailbox.class, address.normalized(), LockModeType.PESSIMISTIC_WRITE));
        } catch (PersistenceException e) {
            if (LockWaits.ranOut(e)) {
                throw new MailboxBusy(e);
            }
            throw e;
        }
    }

    /** A query over the address's live tokens, with the parameters of {@link AccessToken#COUNT_LIVE_USED}. */
    private <T> TypedQuery<T> live(String query, Class<T> type, String normalizedAddress, Instant now) {
        Instant createdAfter = policy.tokenLifetime().map(now::minus).orElse(Instant.EPOCH);
        return em.createNamedQuery(query, type)
                .setParameter("emailAddress", normalizedAddress)
                .setParameter("now", now)
                .setParameter("createdAfter", createdAfter)
                .setParameter("unusedCreatedAfter", now.minus(policy.unusedLifetime()));
    }
}
