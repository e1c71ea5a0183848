package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/** The address is outside the allowed mail domains; nothing was recorded or sent. */
public class AddressNotAllowed extends Refusal {

    private static final long serialVersionUID = 1L;

    public AddressNotAllowed(EmailAddress address) {
        super(ApiError.INVALID, "Email address not allowed: " + address.value(), TokenOutcome.DOMAIN_NOT_ALLOWED);
    }
}
