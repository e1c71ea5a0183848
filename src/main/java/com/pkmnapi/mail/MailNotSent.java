package com.pkmnapi.mail;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/**
 * The SMTP server did not take the mail, or not within the mail deadline. For a token mail, what
 * was recorded for it is undone, so the request changed nothing: no token, no re-send window. The
 * client is told just that; why, for the server log, is {@link #detail()}.
 */
public class MailNotSent extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public MailNotSent(String reason, Throwable cause) {
        super(ApiError.EMAIL, ApiError.EMAIL.message(), MailOutcome.MAIL_FAILED, null, cause);
        this.reason = reason;
    }

    @Override
    public String detail() {
        return "The mail could not be handed to the SMTP server: " + reason;
    }
}
