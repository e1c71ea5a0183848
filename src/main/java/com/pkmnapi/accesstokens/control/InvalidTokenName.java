package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/** The name given for a new token is not one (see {@link TokenName}); it is not repeated back. */
public class InvalidTokenName extends Refusal {

    private static final long serialVersionUID = 1L;

    public InvalidTokenName() {
        super(ApiError.INVALID, "Invalid token name: it must be 1 to " + TokenName.MAX_LENGTH
                + " printable characters");
    }
}
