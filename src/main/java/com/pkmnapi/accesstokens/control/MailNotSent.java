package com.pkmnapi.accesstokens.control;

import jakarta.ejb.ApplicationException;

/**
 * The SMTP server did not take the mail, or not within the mail deadline. For a token mail, what
 * was recorded for it is undone, so the request changed nothing: no token, no re-send window.
 */
@ApplicationException(rollback = true)
public class MailNotSent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailNotSent(String reason, Throwable cause) {
        super("The mail could not be handed to the SMTP server: " + reason, cause);
    }
}
