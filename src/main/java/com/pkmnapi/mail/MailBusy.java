package com.pkmnapi.mail;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/**
 * As many SMTP conversations as the server may hold are under way; this request was refused at
 * once, before anything was recorded.
 */
public class MailBusy extends Refusal {

    private static final long serialVersionUID = 1L;

    public MailBusy(long retryAfterSeconds) {
        super(ApiError.EMAIL, "Too many emails are being sent; nothing was changed. Please try again in "
                + retryAfterSeconds + " seconds", MailOutcome.MAIL_BUSY, retryAfterSeconds, null);
    }

    /** A conversation ends within the mail deadline, so one place is free by then. */
    public long retryAfterSeconds() {
        return retryAfter().orElseThrow();
    }
}
