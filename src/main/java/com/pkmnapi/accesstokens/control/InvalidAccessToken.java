package com.pkmnapi.accesstokens.control;

import jakarta.ejb.ApplicationException;

/** A bearer token that does not (or no longer) stand for a live access token. */
@ApplicationException(rollback = true)
public class InvalidAccessToken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidAccessToken(String reason) {
        super(reason);
    }
}
