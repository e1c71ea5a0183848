package com.pkmnapi.accesstokens.control;

import jakarta.ejb.ApplicationException;

/**
 * The SMTP server did not take the mail. The transaction rolls back, so the request changed
 * nothing: no token, no code, no re-send window.
 */
@ApplicationException(rollback = true)
public class MailNotSent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailNotSent(Throwable cause) {
        super("The mail could not be handed to the SMTP server: " + cause.getMessage(), cause);
    }
}
