package com.pkmnapi.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class MailSlotTest {

    private final Semaphore inFlight = new Semaphore(2);

    @Test
    void aSlotTakesOnePlaceAndGivesItBackOnce() {
        MailSlot slot = new MailSlot(inFlight, 15);
        slot.take();
        assertEquals(1, inFlight.availablePermits());

        slot.release();
        slot.release();
        assertEquals(2, inFlight.availablePermits(), "released once, however often it is called");
    }

    @Test
    void whenEveryPlaceIsTakenTheNextIsRefusedAtOnceWithTheWait() {
        new MailSlot(inFlight, 15).take();
        new MailSlot(inFlight, 15).take();

        MailBusy refusal = assertThrows(MailBusy.class, () -> new MailSlot(inFlight, 15).take());
        assertEquals(15, refusal.retryAfterSeconds());
        assertEquals(0, inFlight.availablePermits());
    }

    @Test
    void aSlotNeverTakenReleasesNothing() {
        new MailSlot(inFlight, 15).release();
        assertEquals(2, inFlight.availablePermits());
    }
}
