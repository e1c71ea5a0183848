package com.pkmnapi.accesstokens.control;

import jakarta.ejb.ApplicationException;

/** A bearer token that does not (or no longer) stand for a live access token. */
@ApplicationException(rollback = true)
public class InvalidAccessToken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param message what the client is told
     * @param reason what the audit trail counts it as: {@code invalid}, {@code expired}
     */
    public InvalidAccessToken(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
