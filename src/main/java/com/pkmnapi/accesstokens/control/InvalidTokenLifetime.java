package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;
import java.time.Duration;

/** The lifetime asked for a new token is not a whole number of seconds within the allowed range. */
public class InvalidTokenLifetime extends Refusal {

    private static final long serialVersionUID = 1L;

    public InvalidTokenLifetime(Duration shortest, Duration longest) {
        super(ApiError.INVALID, "Invalid expires_in: it must be a whole number of seconds from " + shortest.toSeconds()
                + " to " + longest.toSeconds(), TokenOutcome.INVALID_LIFETIME);
    }
}
