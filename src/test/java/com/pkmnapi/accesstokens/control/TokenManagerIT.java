package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.audit.control.AuditStore;
import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Deployments;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.container.DatabaseProbe;
import com.pkmnapi.testsupport.container.Pop3Inbox;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token manager inside the server, against the real database and SMTP server: what is stored
 * (digests only), and the rules for codes, windows and the cap that are hard to reach over HTTP.
 * The mails are read back over POP3 from the test JVM's GreenMail.
 */
@ExtendWith(ArquillianExtension.class)
class TokenManagerIT {

    private static final URI LINK = URI.create("http://test.invalid/actions/delete-user");
    private static final long PAST_THE_WINDOW = 601;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClasses(TokenManagerIT.class, Addresses.class, Mails.class);
    }

    @Inject
    TokenManager tokens;

    @Inject
    DatabaseProbe database;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    Purge purge;

    @Inject
    AuditStore auditStore;

    @Test
    void storesOnlyTheDigestOfAnIssuedToken() throws Exception {
        EmailAddress address = fresh("digest");
        tokens.issue(address, TokenOptions.NONE);

        String token = lastToken(address);
        assertTrue(Secrets.isWellFormedToken(token), token);
        assertEquals(List.of(Secrets.digest(token)), database.tokenDigests(address.normalized()));
        assertNoStoredValueContains(token.substring(Secrets.TOKEN_PREFIX.length()));
    }

    @Test
    void storesOnlyTheDigestOfADeletionCode() throws Exception {
        EmailAddress address = fresh("code-digest");
        tokens.issue(address, TokenOptions.NONE);
        tokens.requestDeletion(address, LINK);

        String code = awaitCode(address, 1);
        assertEquals(Secrets.digest(code), database.deletionCodeDigest(address.normalized()));
        assertNoStoredValueContains(code);
    }

    @Test
    void issuingNeverRevokesAnotherToken() throws Exception {
        EmailAddress address = fresh("several");
        tokens.issue(address, TokenOptions.NONE);
        database.moveMailTimesBack(address.normalized(), PAST_THE_WINDOW);
        tokens.issue(address, TokenOptions.NONE);

        List<String> texts = Pop3Inbox.texts(address.value());
        assertEquals(2, texts.size());
        List<String> expected = texts.stream().map(text -> Secrets.digest(Mails.token(text))).toList();
        assertEquals(expected, database.tokenDigests(address.normalized()));
    }

    @Test
    void refusesTokensBeyondTheCapAndChangesNothing() throws Exception {
        EmailAddress address = fresh("cap");
        database.addTokens(address.normalized(), 10, null, true);

        TokenLimitReached refusal = assertThrows(TokenLimitReached.class, () -> tokens.issue(address, TokenOptions.NONE));
        assertEquals(10, refusal.cap());
        assertEquals(10, database.tokenDigests(address.normalized()).size());
        assertTrue(inboxOrEmpty(address).isEmpty(), "no mail beyond the cap");
    }

    @Test
    void expiredTokensDoNotCountTowardsTheCap() throws Exception {
        EmailAddress address = fresh("cap-expired");
        database.addTokens(address.normalized(), 10, Instant.now().minusSeconds(60), true);

        tokens.issue(address, TokenOptions.NONE);
        assertEquals(11, database.tokenDigests(address.normalized()).size());
    }

    @Test
    void tenUnsolicitedTokensDoNotStopTheOwnerFromGettingOne() throws Exception {
        EmailAddress address = fresh("unsolicited");
        database.addTokens(address.normalized(), 10, null, false);

        tokens.issue(address, TokenOptions.NONE);

        assertEquals(11, database.tokenDigests(address.normalized()).size());
    }

    @Test
    void aTokenNeverUsedStopsWorkingAfterItsUnusedLifetimeAndAUsedOneDoesNot() throws Exception {
        EmailAddress unused = fresh("never-used");
        EmailAddress used = fresh("used");
        tokens.issue(unused, TokenOptions.NONE);
        tokens.issue(used, TokenOptions.NONE);
        String unusedToken = lastToken(unused);
        String usedToken = lastToken(used);
        verifier.verify(usedToken, () -> false);
        long eightDays = 8 * 24 * 3600;
        database.moveTokenCreationBack(unused.normalized(), eightDays);
        database.moveTokenCreationBack(used.normalized(), eightDays);

        InvalidAccessToken refusal = assertThrows(InvalidAccessToken.class, () -> verifier.verify(unusedToken, () -> false));
        assertEquals("Expired access token", refusal.getMessage());
        assertEquals(used.normalized(), verifier.verify(usedToken, () -> false).emailAddress());
    }

    @Test
    void theSameKindOfMailWaitsForTheWindowTheOtherKindDoesNot() throws Exception {
        EmailAddress address = fresh("window");
        tokens.issue(address, TokenOptions.NONE);

        ResendWindowOpen refusal = assertThrows(ResendWindowOpen.class, () -> tokens.issue(address, TokenOptions.NONE));
        assertTrue(refusal.retryAfterSeconds() > 590 && refusal.retryAfterSeconds() <= 600,
                () -> "retry after " + refusal.retryAfterSeconds());
        tokens.requestDeletion(address, LINK);
        assertThrows(ResendWindowOpen.class, () -> tokens.requestDeletion(address, LINK));

        database.moveMailTimesBack(address.normalized(), PAST_THE_WINDOW);
        tokens.issue(address, TokenOptions.NONE);
        assertEquals(2, database.tokenDigests(address.normalized()).size());
    }

    @Test
    void theRightCodeRevokesEveryTokenOfTheAddressOnce() throws Exception {
        EmailAddress address = fresh("revoke");
        EmailAddress bystander = fresh("bystander");
        tokens.issue(address, TokenOptions.NONE);
        database.moveMailTimesBack(address.normalized(), PAST_THE_WINDOW);
        tokens.issue(address, TokenOptions.NONE);
        tokens.issue(bystander, TokenOptions.NONE);
        tokens.requestDeletion(address, LINK);
        String code = awaitCode(address, 1);

        EmailAddress otherCase = new EmailAddress(address.value().toUpperCase());
        assertEquals(2, tokens.revokeAll(otherCase, code));
        assertTrue(database.tokenDigests(address.normalized()).isEmpty());
        assertEquals(1, database.tokenDigests(bystander.normalized()).size(), "other addresses keep theirs");
        assertNull(database.deletionCodeDigest(address.normalized()), "the code is used up");
        assertThrows(InvalidDeletionCode.class, () -> tokens.revokeAll(address, code));
    }

    @Test
    void wrongCodesDeleteNothingAndNeverKillTheRightOne() throws Exception {
        EmailAddress address = fresh("tries");
        tokens.issue(address, TokenOptions.NONE);
        tokens.requestDeletion(address, LINK);
        String code = awaitCode(address, 1);

        for (int i = 0; i < 20; i++) {
            assertThrows(InvalidDeletionCode.class, () -> tokens.revokeAll(address, "wrong" + code));
            assertEquals(1, database.tokenDigests(address.normalized()).size(), "nothing deleted");
        }
        assertEquals(1, tokens.revokeAll(address, code), "the owner's code still works");
    }

    @Test
    void anExpiredCodeDeletesNothing() throws Exception {
        EmailAddress address = fresh("expired");
        tokens.issue(address, TokenOptions.NONE);
        tokens.requestDeletion(address, LINK);
        String code = awaitCode(address, 1);
        database.expireDeletionCode(address.normalized());

        assertThrows(InvalidDeletionCode.class, () -> tokens.revokeAll(address, code));
        assertEquals(1, database.tokenDigests(address.normalized()).size());
    }

    @Test
    void aNewerCodeReplacesTheOlderOne() throws Exception {
        EmailAddress address = fresh("replaced");
        tokens.issue(address, TokenOptions.NONE);
        tokens.requestDeletion(address, LINK);
        String older = awaitCode(address, 1);
        database.moveMailTimesBack(address.normalized(), PAST_THE_WINDOW);
        tokens.requestDeletion(address, LINK);
        String newer = awaitCode(address, 2);

        assertFalse(older.equals(newer));
        assertThrows(InvalidDeletionCode.class, () -> tokens.revokeAll(address, older));
        assertEquals(1, tokens.revokeAll(address, newer));
    }

    @Test
    void anAddressWithoutTokensGetsNoCodeButTheSameWindow() throws Exception {
        EmailAddress address = fresh("no-tokens");
        tokens.requestDeletion(address, LINK);

        assertNull(database.deletionCodeDigest(address.normalized()));
        assertTrue(inboxOrEmpty(address).isEmpty(), "no mail for an address without tokens");
        assertThrows(ResendWindowOpen.class, () -> tokens.requestDeletion(address, LINK));
        assertThrows(InvalidDeletionCode.class, () -> tokens.revokeAll(address, "anything"));
    }

    @Test
    void aWrongCodeForAnUnknownAddressAddsNoRow() {
        EmailAddress address = fresh("unknown-code");

        assertThrows(InvalidDeletionCode.class, () -> tokens.revokeAll(address, "anything"));

        assertFalse(database.hasMailbox(address.normalized()), "the contract: requests that are refused add no row");
    }

    @Test
    void aLockHeldTooLongIsATryAgainNotAFailure() throws Exception {
        EmailAddress address = fresh("locked");
        tokens.requestDeletion(address, LINK); // makes the row; no tokens, so no mail
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> {
                database.holdMailboxLock(address.normalized(), 6_000);
                return null;
            });
            Thread.sleep(500);

            long began = System.nanoTime();
            assertThrows(MailboxBusy.class, () -> tokens.issue(address, TokenOptions.NONE));
            Duration waited = Duration.ofNanos(System.nanoTime() - began);
            assertTrue(waited.compareTo(Duration.ofMillis(4_500)) < 0, "a lock wait of a second or two: " + waited);
            assertTrue(database.tokenDigests(address.normalized()).isEmpty(), "nothing recorded");

            holder.get();
            tokens.issue(address, TokenOptions.NONE);
            assertEquals(1, database.tokenDigests(address.normalized()).size(), "the lock gone, all works");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void thePurgeRemovesWhatNoLongerServesAndKeepsTheRest() throws Exception {
        long eightDays = 8 * 24 * 3600;
        EmailAddress expired = fresh("purge-expired");
        database.addTokens(expired.normalized(), 2, Instant.now().minusSeconds(60), true);
        EmailAddress neverUsed = fresh("purge-unused");
        tokens.issue(neverUsed, TokenOptions.NONE);
        database.moveTokenCreationBack(neverUsed.normalized(), eightDays);
        database.moveMailTimesBack(neverUsed.normalized(), PAST_THE_WINDOW);
        EmailAddress live = fresh("purge-live");
        tokens.issue(live, TokenOptions.NONE);
        EmailAddress nobody = fresh("purge-nobody");
        tokens.requestDeletion(nobody, LINK);
        database.moveMailTimesBack(nobody.normalized(), PAST_THE_WINDOW);
        EmailAddress deadCode = fresh("purge-code");
        tokens.issue(deadCode, TokenOptions.NONE);
        tokens.requestDeletion(deadCode, LINK);
        awaitCode(deadCode, 1);
        database.expireDeletionCode(deadCode.normalized());
        String audited = fresh("purge-audit").normalized();
        String pastRetention = database.addAuditEvent(Instant.now().minus(Duration.ofDays(366)), audited);
        String withinRetention = database.addAuditEvent(Instant.now().minus(Duration.ofDays(364)), audited);

        purge.run();
        auditStore.purge();

        assertTrue(database.tokenDigests(expired.normalized()).isEmpty(), "expired tokens go");
        assertTrue(database.tokenDigests(neverUsed.normalized()).isEmpty(), "a token unused for 8 days goes");
        assertFalse(database.hasMailbox(neverUsed.normalized()), "and so does its address's row, idle now");
        assertEquals(1, database.tokenDigests(live.normalized()).size(), "a live token stays");
        assertTrue(database.hasMailbox(live.normalized()), "a row with an open window stays");
        assertFalse(database.hasMailbox(nobody.normalized()), "a deletion request's row goes once its window ends");
        assertNull(database.deletionCodeDigest(deadCode.normalized()), "an expired code goes");
        assertEquals(1, database.tokenDigests(deadCode.normalized()).size());
        List<String> events = database.auditEvents().stream().map(event -> event.get(0)).toList();
        assertFalse(events.contains(pastRetention), "an audit event older than the 365 days' retention goes");
        assertTrue(events.contains(withinRetention), "a younger one stays");
    }

    private static EmailAddress fresh(String purpose) {
        return new EmailAddress(Addresses.fresh(purpose));
    }

    private void assertNoStoredValueContains(String secret) {
        for (String value : database.everyStoredValue()) {
            assertFalse(value.contains(secret), "a secret is stored in plain form");
        }
    }

    private static String lastToken(EmailAddress address) throws Exception {
        List<String> texts = Pop3Inbox.texts(address.value());
        return Mails.token(texts.get(texts.size() - 1));
    }

    /** The code of the address's {@code nth} deletion mail, which is sent after the request has returned. */
    private static String awaitCode(EmailAddress address, int nth) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            List<String> codes = inboxOrEmpty(address).stream().filter(text -> text.contains("code="))
                    .map(Mails::code).toList();
            if (codes.size() >= nth) {
                return codes.get(nth - 1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No deletion mail number " + nth + " for " + address.value());
            }
            Thread.sleep(100);
        }
    }

    /** POP3 refuses the login of an address that never received a mail. */
    private static List<String> inboxOrEmpty(EmailAddress address) {
        try {
            return Pop3Inbox.texts(address.value());
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
