package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;
import com.pkmnapi.platform.RetryAfter;
import java.time.Duration;

/** The address asked for the same kind of mail too soon; nothing was changed or sent. */
public class ResendWindowOpen extends Refusal {

    private static final long serialVersionUID = 1L;

    public ResendWindowOpen(Duration remaining) {
        this(RetryAfter.seconds(remaining));
    }

    private ResendWindowOpen(long seconds) {
        super(ApiError.TIMEOUT, "Please try again in " + seconds + " seconds", TokenOutcome.RESEND_WINDOW, seconds, null);
    }

    /** Whole seconds to wait, rounded up, so that a client that waits that long is never refused. */
    public long retryAfterSeconds() {
        return retryAfter().orElseThrow();
    }
}
