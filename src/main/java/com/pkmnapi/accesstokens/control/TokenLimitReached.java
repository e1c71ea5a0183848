package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/** The address already holds as many live tokens as it may; nothing was changed or sent. */
public class TokenLimitReached extends Refusal {

    private static final long serialVersionUID = 1L;

    private final int cap;

    public TokenLimitReached(int cap) {
        super(ApiError.FORBIDDEN, "This address already holds " + cap
                + " access tokens, the most it may; delete them to get a new one", TokenOutcome.TOKEN_LIMIT);
        this.cap = cap;
    }

    public int cap() {
        return cap;
    }
}
