package com.pkmnapi.accesstokens.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailboxTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(600);
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final String CODE = Secrets.digest("Ab3dE5gH7jK9mN1pQ3sT5v");
    private static final String OTHER_CODE = Secrets.digest("Zz9yX8wV7uT6sR5qP4oN3m");
    private static final String WRONG = Secrets.digest("wrong");

    private final Mailbox mailbox = new Mailbox("you@example.com");

    @Test
    void keepsItsAddress() {
        assertEquals("you@example.com", mailbox.emailAddress());
        assertThrows(NullPointerException.class, () -> new Mailbox(null));
    }

    @Test
    void tokenMailWaitIsEmptyBeforeAnyTokenMailWasSent() {
        assertEquals(Optional.empty(), mailbox.tokenMailWait(T0, WINDOW));
    }

    @Test
    void tokenMailWaitIsTheFullWindowRightAfterASend() {
        mailbox.tokenMailSent(T0);

        assertEquals(Optional.of(WINDOW), mailbox.tokenMailWait(T0, WINDOW));
    }

    @Test
    void tokenMailWaitShrinksAsTimePasses() {
        mailbox.tokenMailSent(T0);

        assertEquals(Optional.of(Duration.ofSeconds(599)), mailbox.tokenMailWait(T0.plusSeconds(1), WINDOW));
        assertEquals(Optional.of(Duration.ofSeconds(300)), mailbox.tokenMailWait(T0.plusSeconds(300), WINDOW));
        assertEquals(Optional.of(Duration.ofMillis(1)), mailbox.tokenMailWait(T0.plus(Duration.ofMillis(599_999)), WINDOW));
        assertEquals(Optional.of(Duration.ofNanos(1)), mailbox.tokenMailWait(T0.plus(WINDOW).minusNanos(1), WINDOW));
    }

    @Test
    void tokenMailWaitIsEmptyExactlyAtAndAfterTheWindowEnd() {
        mailbox.tokenMailSent(T0);

        assertEquals(Optional.empty(), mailbox.tokenMailWait(T0.plus(WINDOW), WINDOW));
        assertEquals(Optional.empty(), mailbox.tokenMailWait(T0.plus(WINDOW).plusNanos(1), WINDOW));
        assertEquals(Optional.empty(), mailbox.tokenMailWait(T0.plus(Duration.ofDays(30)), WINDOW));
    }

    @Test
    void tokenMailWaitRestartsFromTheLatestSend() {
        mailbox.tokenMailSent(T0);
        mailbox.tokenMailSent(T0.plusSeconds(700));

        assertEquals(Optional.of(Duration.ofSeconds(500)), mailbox.tokenMailWait(T0.plusSeconds(800), WINDOW));
    }

    @Test
    void tokenMailWaitFollowsTheGivenWindow() {
        mailbox.tokenMailSent(T0);

        assertEquals(Optional.of(Duration.ofSeconds(50)), mailbox.tokenMailWait(T0.plusSeconds(10), Duration.ofSeconds(60)));
        assertEquals(Optional.empty(), mailbox.tokenMailWait(T0.plusSeconds(60), Duration.ofSeconds(60)));
    }

    @Test
    void deletionRequestWaitIsEmptyBeforeAnyRequest() {
        assertEquals(Optional.empty(), mailbox.deletionRequestWait(T0, WINDOW));
    }

    @Test
    void deletionRequestWaitIsTheFullWindowRightAfterARequestAndShrinks() {
        mailbox.deletionRequested(T0);

        assertEquals(Optional.of(WINDOW), mailbox.deletionRequestWait(T0, WINDOW));
        assertEquals(Optional.of(Duration.ofSeconds(1)), mailbox.deletionRequestWait(T0.plusSeconds(599), WINDOW));
        assertEquals(Optional.empty(), mailbox.deletionRequestWait(T0.plus(WINDOW), WINDOW));
        assertEquals(Optional.empty(), mailbox.deletionRequestWait(T0.plusSeconds(601), WINDOW));
    }

    @Test
    void aTokenMailDoesNotOpenTheDeletionRequestWindow() {
        mailbox.tokenMailSent(T0);

        assertEquals(Optional.empty(), mailbox.deletionRequestWait(T0, WINDOW));
    }

    @Test
    void aDeletionRequestDoesNotOpenTheTokenMailWindow() {
        mailbox.deletionRequested(T0);

        assertEquals(Optional.empty(), mailbox.tokenMailWait(T0, WINDOW));
    }

    @Test
    void theTwoWindowsRunIndependently() {
        mailbox.tokenMailSent(T0);
        mailbox.deletionRequested(T0.plusSeconds(100));

        assertEquals(Optional.of(Duration.ofSeconds(500)), mailbox.tokenMailWait(T0.plusSeconds(100), WINDOW));
        assertEquals(Optional.of(WINDOW), mailbox.deletionRequestWait(T0.plusSeconds(100), WINDOW));
        assertEquals(Optional.empty(), mailbox.tokenMailWait(T0.plusSeconds(600), WINDOW));
        assertEquals(Optional.of(Duration.ofSeconds(100)), mailbox.deletionRequestWait(T0.plusSeconds(600), WINDOW));
    }

    @Test
    void useDeletionCodeIsFalseWithoutACode() {
        assertFalse(mailbox.hasDeletionCode());
        assertFalse(mailbox.useDeletionCode(CODE, T0));
    }

    @Test
    void useDeletionCodeAcceptsTheRightCodeInTimeOnce() {
        mailbox.newDeletionCode(CODE, T0.plus(LIFETIME));
        assertTrue(mailbox.hasDeletionCode());

        assertTrue(mailbox.useDeletionCode(CODE, T0.plusSeconds(60)));
        assertFalse(mailbox.hasDeletionCode());
        assertFalse(mailbox.useDeletionCode(CODE, T0.plusSeconds(61)));
    }

    @Test
    void wrongCodesNeverKillTheRightOne() {
        mailbox.newDeletionCode(CODE, T0.plus(LIFETIME));

        for (int i = 1; i <= 1000; i++) {
            assertFalse(mailbox.useDeletionCode(WRONG, T0));
            assertTrue(mailbox.hasDeletionCode(), "after wrong try " + i);
        }
        assertTrue(mailbox.useDeletionCode(CODE, T0));
    }

    @Test
    void useDeletionCodeAcceptsTheRightCodeJustBeforeItExpires() {
        mailbox.newDeletionCode(CODE, T0.plus(LIFETIME));

        assertTrue(mailbox.useDeletionCode(CODE, T0.plus(LIFETIME).minusNanos(1)));
    }

    @Test
    void useDeletionCodeRefusesTheRightCodeExactlyAtItsExpiry() {
        mailbox.newDeletionCode(CODE, T0.plus(LIFETIME));

        assertFalse(mailbox.useDeletionCode(CODE, T0.plus(LIFETIME)));
        assertFalse(mailbox.hasDeletionCode());
    }

    @Test
    void useDeletionCodeRefusesTheRightCodeAfterItsExpiry() {
        mailbox.newDeletionCode(CODE, T0.plus(LIFETIME));

        assertFalse(mailbox.useDeletionCode(CODE, T0.plus(LIFETIME).plusSeconds(1)));
        assertFalse(mailbox.useDeletionCode(CODE, T0.plus(LIFETIME).minusSeconds(1)));
    }

    @Test
    void aNewDeletionCodeReplacesTheOldOne() {
        mailbox.newDeletionCode(CODE, T0.plus(LIFETIME));
        mailbox.newDeletionCode(OTHER_CODE, T0.plusSeconds(600).plus(LIFETIME));

        assertFalse(mailbox.useDeletionCode(CODE, T0.plusSeconds(700)));
        assertTrue(mailbox.useDeletionCode(OTHER_CODE, T0.plusSeconds(700)));
    }

    @Test
    void aNewDeletionCodeCarriesItsOwnExpiry() {
        mailbox.newDeletionCode(CODE, T0.plus(LIFETIME));
        mailbox.newDeletionCode(OTHER_CODE, T0.plusSeconds(600).plus(LIFETIME));

        assertTrue(mailbox.useDeletionCode(OTHER_CODE, T0.plus(LIFETIME).plusSeconds(1)));
    }

    @Test
    void newDeletionCodeRefusesMissingValues() {
        assertThrows(NullPointerException.class, () -> mailbox.newDeletionCode(null, T0));
        assertThrows(NullPointerException.class, () -> mailbox.newDeletionCode(CODE, null));
    }
}
