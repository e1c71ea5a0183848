package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/**
 * The address's row stayed locked by another request for longer than a lock wait may take. It
 * answers like two requests for one address at once: try again shortly. Nothing was changed.
 */
public class MailboxBusy extends Refusal {

    private static final long serialVersionUID = 1L;

    /** Another request holds the lock only for a short transaction: a second is ample. */
    public static final long RETRY_AFTER_SECONDS = 1;

    public MailboxBusy(Throwable cause) {
        super(ApiError.TIMEOUT, "Please try again in " + RETRY_AFTER_SECONDS + " seconds", TokenOutcome.BUSY,
                RETRY_AFTER_SECONDS, cause);
    }
}
