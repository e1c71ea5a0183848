package com.pkmnapi.mail;

import com.pkmnapi.platform.Outcome;

/** Why a mail was not sent, as the audit trail names it. */
public enum MailOutcome implements Outcome {
    /** The SMTP server refused the mail, or did not take it by the deadline. */
    MAIL_FAILED,
    /** Every place for an SMTP conversation was taken. */
    MAIL_BUSY
}
