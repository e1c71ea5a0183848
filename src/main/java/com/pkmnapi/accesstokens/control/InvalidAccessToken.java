package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/**
 * A bearer token that does not (or no longer) stand for a live access token. Its outcome is what
 * the audit trail counts the failed check as: {@link TokenOutcome#INVALID} or
 * {@link TokenOutcome#EXPIRED}.
 */
public class InvalidAccessToken extends Refusal {

    private static final long serialVersionUID = 1L;

    /** @param message what the client is told */
    public InvalidAccessToken(String message, TokenOutcome outcome) {
        super(ApiError.UNAUTHORIZED, message, outcome);
    }
}
