package com.pkmnapi.mail;

import java.util.concurrent.Semaphore;

/**
 * A place among the SMTP conversations this server may hold at once. Taken where a request is
 * decided, so that a request refused for another reason never holds one, and released by whoever
 * made it once the conversation is over, whatever happened.
 */
public final class MailSlot {

    private final Semaphore inFlight;
    private final long retryAfterSeconds;
    private boolean taken;

    MailSlot(Semaphore inFlight, long retryAfterSeconds) {
        this.inFlight = inFlight;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @throws MailBusy at once if every place is taken */
    public void take() {
        if (!inFlight.tryAcquire()) {
            throw new MailBusy(retryAfterSeconds);
        }
        taken = true;
    }

    /** Gives the place back, if this slot took one; more calls do nothing. */
    public void release() {
        if (taken) {
            taken = false;
            inFlight.release();
        }
    }
}
