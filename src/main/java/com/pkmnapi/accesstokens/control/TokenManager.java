package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.AccessToken;
import com.pkmnapi.accesstokens.entity.Revocation;
import com.pkmnapi.audit.control.Audit;
import com.pkmnapi.audit.control.AuditKind;
import com.pkmnapi.mail.MailNotSent;
import com.pkmnapi.mail.MailSlot;
import com.pkmnapi.mail.Mailer;
import com.pkmnapi.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Issues access tokens, hands out deletion codes and revokes tokens. Each request is decided and
 * recorded in one short transaction of the {@link TokenLedger}; mail goes out only after that has
 * committed, so that no lock, connection or transaction is held while an SMTP server talks. A
 * token mail that fails is undone in a second short transaction. What it does and refuses goes to
 * the {@link Audit} trail.
 *
 * <p>Its reads run in a transaction too, though they would need none: outside one, EclipseLink
 * (Payara) retries a read whose connection failed, twice, five seconds apart, and no persistence
 * unit property turns that off; a database outage made each check hang ten seconds before it
 * failed. Inside one (joined by EclipseLink, see persistence.xml), it fails at once and is
 * answered as the outage it is.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenManager {

    private static final Logger LOG = Logger.getLogger(TokenManager.class.getName());
    /** The longest lifetime a token may be asked for where no maximum lifetime is set. */
    static final Duration LONGEST_LIFETIME = Duration.ofDays(3650);

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenLedger ledger;

    @Inject
    Mailer mailer;

    @Inject
    TokenPolicy policy;

    @Inject
    Audit audit;

    private AllowedDomains allowedDomains;

    @PostConstruct
    void readPolicy() {
        allowedDomains = new AllowedDomains(policy.allowedDomains());
    }

    /**
     * Mails a new token to the address, named and expiring as the options ask. Earlier tokens stay
     * valid.
     *
     * @throws ResendWindowOpen if the address was sent a token within the re-send window
     * @throws TokenLimitReached if the address holds the most live tokens it may
     * @throws MailBusy if this server holds as many SMTP conversations as it may
     * @throws MailNotSent if the SMTP server did not take the mail (nothing is left of it)
     * @throws MailboxBusy if another request held the address's lock too long
     * @throws AddressNotAllowed if the address is outside the allowed domains
     * @throws InvalidTokenLifetime if the lifetime asked for is longer than the service allows
     */
    public void issue(EmailAddress address, TokenOptions options) {
        try {
            mailToken(address, options);
        } catch (MailNotSent failure) {
            // recorded by the ledger, with the token it undid
            throw failure;
        } catch (Refusal refusal) {
            audit.refused(AuditKind.TOKEN_REQUEST_REFUSED, refusal.outcome(), address.normalized());
            throw refusal;
        }
    }

    private void mailToken(EmailAddress address, TokenOptions options) {
        requireAllowed(address);
        if (address.hasTag() && !policy.tagsAllowed()) {
            throw new AddressNotAllowed(address, TokenOutcome.TAG_NOT_ALLOWED);
        }
        Duration shortest = policy.minLifetime();
        Duration longest = policy.tokenLifetime().orElse(LONGEST_LIFETIME);
        options.lifetime().filter(lifetime -> lifetime.compareTo(shortest) < 0 || lifetime.compareTo(longest) > 0)
                .ifPresent(lifetime -> {
                    throw new InvalidTokenLifetime(shortest, longest);
                });
        MailSlot slot = mailer.slot();
        try {
            IssuedToken issued = ledger.recordToken(address, options, slot);
            try {
                mailer.send("token", (session, from) -> new MailComposer(session, from)
                        .accessToken(address, issued.token(), options.audience().map(TokenAudience::services).orElse(List.of())));
            } catch (MailNotSent failure) {
                ledger.forgetToken(issued, failure);
                throw failure;
            }
            LOG.info(() -> "Issued access token " + issued.id());
        } finally {
            slot.release();
        }
    }

    /**
     * Mails a deletion code, replacing any earlier one, if the address holds tokens. The answer is
     * the same, and as quick, whether it does or not, and whether the SMTP server is up or not: the
     * mail goes out after the answer, with retries.
     *
     * @param confirmationPage the absolute address of the confirmation page, for the mail's link
     * @throws ResendWindowOpen if the address asked within the re-send window
     * @throws MailboxBusy if another request held the address's lock too long
     * @throws AddressNotAllowed if the address is outside the allowed domains
     */
    public void requestDeletion(EmailAddress address, URI confirmationPage) {
        try {
            requireAllowed(address);
            ledger.acceptDeletionRequest(address).ifPresent(code ->
                    mailer.sendLater("deletion", (session, from) -> new MailComposer(session, from)
                            .deletionCode(address, code.code(), confirmationPage, policy.codeLifetime())));
        } catch (Refusal refusal) {
            audit.refused(AuditKind.DELETION_REQUEST_REFUSED, refusal.outcome(), address.normalized());
            throw refusal;
        }
    }

    /**
     * Revokes every token of the address, if the code is its pending deletion code.
     *
     * @return how many tokens were revoked
     * @throws InvalidDeletionCode if the code is wrong, used, expired or dead, or none is pending
     */
    public int revokeAll(EmailAddress address, String code) {
        try {
            return ledger.revokeAll(address, code);
        } catch (Refusal refusal) {
            audit.refused(AuditKind.DELETION_CODE_REFUSED, refusal.outcome(), address.normalized());
            throw refusal;
        }
    }

    /** Revokes one token by its id; revoking one that is already gone is no error. */
    public void revoke(String tokenId) {
        ledger.revoke(tokenId);
    }

    /**
     * Revokes one of the owner's tokens by its id.
     *
     * @param owner the normalized address of the token that asks
     * @return false where the address holds no token of that id (unknown, gone, or another's: the
     *         same answer, so that nobody learns of others' tokens)
     */
    public boolean revokeOwn(String tokenId, String owner) {
        return ledger.revokeOwn(tokenId, owner);
    }

    /** The owner's live tokens, newest first; {@code owner} is the normalized address. */
    public List<TokenSummary> liveTokens(String owner) {
        return ledger.liveTokens(owner);
    }

    private void requireAllowed(EmailAddress address) {
        if (!allowedDomains.admit(address)) {
            throw new AddressNotAllowed(address);
        }
    }

    /** The stored token with this digest, whether live or not: the caller decides. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<VerifiedToken> find(String digest) {
        return em.createNamedQuery(AccessToken.BY_DIGEST, AccessToken.class)
                .setParameter("digest", digest)
                .getResultStream()
                .findFirst()
                .map(VerifiedToken::of);
    }

    /** How many tokens are stored, live or not (for {@link LiveDigests}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public long countStored() {
        return em.createNamedQuery(AccessToken.COUNT_STORED, Long.class).getSingleResult();
    }

    /** Up to {@code max} stored digests above {@code after}, in order (for {@link LiveDigests}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<String> digestsAfter(String after, int max) {
        return em.createNamedQuery(AccessToken.DIGESTS_AFTER, String.class)
                .setParameter("after", after)
                .setMaxResults(max)
                .getResultList();
    }

    /** The digests of the tokens created at or after {@code since} (for {@link LiveDigests}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<String> digestsCreatedSince(Instant since) {
        return em.createNamedQuery(AccessToken.DIGESTS_CREATED_SINCE, String.class)
                .setParameter("since", since)
                .getResultList();
    }

    /** How many live tokens there are, of all addresses. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public long countLive() {
        Instant now = Instant.now();
        return em.createNamedQuery(AccessToken.COUNT_ALL_LIVE, Long.class)
                .setParameter("now", now)
                .setParameter("createdAfter", policy.tokenLifetime().map(now::minus).orElse(Instant.EPOCH))
                .setParameter("unusedCreatedAfter", now.minus(policy.unusedLifetime()))
                .getSingleResult();
    }

    /** The revocations made at or after {@code since} (for {@link RevocationLog}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<Revocation> revocationsSince(Instant since) {
        return em.createNamedQuery(Revocation.SINCE, Revocation.class)
                .setParameter("since", since)
                .getResultList();
    }

    /** Records a use of the token, unless one within the resolution is recorded already. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void recordUse(String tokenId, Instant now, Duration resolution) {
        em.createNamedQuery(AccessToken.RECORD_USE)
                .setParameter("id", tokenId)
                .setParameter("now", now)
                .setParameter("recordedBefore", now.minus(resolution))
                .executeUpdate();
    }
}
