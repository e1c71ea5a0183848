package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.Outcome;

/** What the token feature's audit events and meters name, beside the audit trail's own. */
public enum TokenOutcome implements Outcome {
    /** A deletion request that mailed a code, or found no tokens to mail one for. */
    CODE_MAILED, NO_TOKENS,
    /**
     * Refusals: the re-send window, the cap, the allowed domains, a {@code +tag} where none is
     * allowed, the address's lock, the lifetime asked for, a wrong code.
     */
    RESEND_WINDOW, TOKEN_LIMIT, DOMAIN_NOT_ALLOWED, TAG_NOT_ALLOWED, BUSY, INVALID_LIFETIME, WRONG_CODE,
    /** Failed token checks: no or no bearer header, a malformed token, an unknown one, an expired one. */
    MISSING, MALFORMED, INVALID, EXPIRED
}
