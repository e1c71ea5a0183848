package com.pkmnapi.accesstokens.control;

import com.pkmnapi.mail.MailBusy;
import com.pkmnapi.mail.MailNotSent;
import com.pkmnapi.platform.Refusal;

/** The outcomes the token manager's audit events name, one per refusal and per kind of success. */
final class AuditOutcomes {

    static final String CODE_MAILED = "code_mailed";
    static final String NO_TOKENS = "no_tokens";

    private AuditOutcomes() {
    }

    /** {@code resend_window}, {@code token_limit}, ...; the error id for a refusal not named here. */
    static String of(Refusal refusal) {
        if (refusal instanceof ResendWindowOpen) {
            return "resend_window";
        } else if (refusal instanceof TokenLimitReached) {
            return "token_limit";
        } else if (refusal instanceof AddressNotAllowed) {
            return "domain_not_allowed";
        } else if (refusal instanceof MailNotSent) {
            return "mail_failed";
        } else if (refusal instanceof MailBusy) {
            return "mail_busy";
        } else if (refusal instanceof MailboxBusy) {
            return "busy";
        } else if (refusal instanceof InvalidTokenLifetime) {
            return "invalid_lifetime";
        } else if (refusal instanceof InvalidDeletionCode) {
            return "wrong_code";
        }
        return refusal.error().id();
    }
}
