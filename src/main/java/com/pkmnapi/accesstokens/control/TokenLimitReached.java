package com.pkmnapi.accesstokens.control;

import jakarta.ejb.ApplicationException;

/** The address already holds as many live tokens as it may; nothing was changed or sent. */
@ApplicationException(rollback = true)
public class TokenLimitReached extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int cap;

    public TokenLimitReached(int cap) {
        super("Token cap reached");
        this.cap = cap;
    }

    public int cap() {
        return cap;
    }
}
