package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/** The audience given for a new token is not one (see {@link TokenAudience}); it is not repeated back. */
public class InvalidAudience extends Refusal {

    private static final long serialVersionUID = 1L;

    public InvalidAudience() {
        super(ApiError.INVALID, "Invalid audience: it must be a list of 1 to " + TokenAudience.MAX_SERVICES
                + " service names of lower-case letters, digits, dots and hyphens (up to 63, the first a letter or digit)");
    }
}
