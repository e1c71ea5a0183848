package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.AccessToken;
import com.pkmnapi.accesstokens.entity.Mailbox;
import com.pkmnapi.platform.Settings;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Issues access tokens, hands out deletion codes and revokes tokens. Every request works under a
 * database lock on the address's {@link Mailbox} row, so that concurrent requests for one address
 * run one after the other and cannot both pass a check. The mail is sent last, inside the
 * transaction: if the SMTP server does not take it, the transaction rolls back and nothing changed.
 */
@Stateless
public class TokenManager {

    private static final Logger LOG = Logger.getLogger(TokenManager.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Mailer mailer;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    TokenCache cache;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Mails a new token to the address. Earlier tokens stay valid.
     *
     * @throws ResendWindowOpen if the address was sent a token within the re-send window
     * @throws TokenLimitReached if the address holds the most live tokens it may
     * @throws MailNotSent if the SMTP server did not take the mail
     */
    public void issue(EmailAddress address) {
        Mailbox mailbox = lock(address);
        Instant now = clock.instant();
        mailbox.tokenMailWait(now, settings.resendWindow()).ifPresent(wait -> {
            throw new ResendWindowOpen(wait);
        });
        if (liveTokens(address, now) >= settings.tokenCap()) {
            throw new TokenLimitReached(settings.tokenCap());
        }
        String token = Secrets.newToken();
        AccessToken stored = new AccessToken(address.normalized(), Secrets.digest(token), now,
                settings.tokenLifetime().map(now::plus).orElse(null));
        em.persist(stored);
        mailbox.tokenMailSent(now);
        // a database failure must surface before the mail is out
        em.flush();
        mailer.sendAccessToken(address, token);
        LOG.info(() -> "Issued access token " + stored.id());
    }

    /**
     * Mails a deletion code, replacing any earlier one, if the address holds tokens. The answer is
     * the same whether it does or not, and so is the re-send window, so that nobody learns which
     * addresses hold tokens.
     *
     * @param confirmationLink makes the link to the confirmation page from the code
     * @throws ResendWindowOpen if the address asked within the re-send window
     * @throws MailNotSent if the SMTP server did not take the mail
     */
    public void requestDeletion(EmailAddress address, Function<String, URI> confirmationLink) {
        Mailbox mailbox = lock(address);
        Instant now = clock.instant();
        mailbox.deletionRequestWait(now, settings.resendWindow()).ifPresent(wait -> {
            throw new ResendWindowOpen(wait);
        });
        mailbox.deletionRequested(now);
        if (liveTokens(address, now) == 0) {
            return;
        }
        String code = Secrets.newDeletionCode();
        mailbox.newDeletionCode(Secrets.digest(code), now.plus(settings.codeLifetime()));
        em.flush();
        mailer.sendDeletionCode(address, code, confirmationLink.apply(code), settings.codeLifetime());
    }

    /**
     * Revokes every token of the address, if the code is its pending deletion code. The code is
     * checked before anything is deleted, and used up.
     *
     * @return how many tokens were revoked
     * @throws InvalidDeletionCode if the code is wrong, used, expired or dead, or none is pending
     */
    public int revokeAll(EmailAddress address, String code) {
        Mailbox mailbox = lock(address);
        if (!mailbox.useDeletionCode(Secrets.digest(code), clock.instant(), settings.codeMaxTries())) {
            throw new InvalidDeletionCode();
        }
        int revoked = em.createNamedQuery(AccessToken.DELETE_ALL_OF)
                .setParameter("emailAddress", address.normalized())
                .executeUpdate();
        LOG.info(() -> "Revoked " + revoked + " access token(s) with a deletion code");
        forgetWhenDone(() -> cache.forgetAddress(address.normalized()));
        return revoked;
    }

    /** The stored token with this digest, whether live or not: the caller decides. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<VerifiedToken> find(String digest) {
        return em.createNamedQuery(AccessToken.BY_DIGEST, AccessToken.class)
                .setParameter("digest", digest)
                .getResultStream()
                .findFirst()
                .map(VerifiedToken::of);
    }

    /** Records a use of the token, unless one within the resolution is recorded already. */
    public void recordUse(String tokenId, Instant now, Duration resolution) {
        em.createNamedQuery(AccessToken.RECORD_USE)
                .setParameter("id", tokenId)
                .setParameter("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("recordedBefore", LocalDateTime.ofInstant(now.minus(resolution), ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Revokes one token by its id; revoking one that is already gone is no error. */
    public void revoke(String tokenId) {
        AccessToken stored = em.find(AccessToken.class, tokenId);
        if (stored != null) {
            em.remove(stored);
            LOG.info(() -> "Revoked access token " + tokenId + " with itself");
        }
        forgetWhenDone(() -> cache.forgetId(tokenId));
    }

    /**
     * Forgets cached tokens now and once more when the transaction has ended: a check that looked
     * the token up in between, before the deletion was committed, may have cached it again.
     */
    private void forgetWhenDone(Runnable forget) {
        forget.run();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                forget.run();
            }
        });
    }

    private Mailbox lock(EmailAddress address) {
        mailboxes.ensureExists(address.normalized());
        return em.find(Mailbox.class, address.normalized(), LockModeType.PESSIMISTIC_WRITE);
    }

    private long liveTokens(EmailAddress address, Instant now) {
        Instant createdAfter = settings.tokenLifetime().map(now::minus).orElse(Instant.EPOCH);
        return em.createNamedQuery(AccessToken.COUNT_LIVE, Long.class)
                .setParameter("emailAddress", address.normalized())
                .setParameter("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("createdAfter", LocalDateTime.ofInstant(createdAfter, ZoneOffset.UTC))
                .getSingleResult();
    }
}
