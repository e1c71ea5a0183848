package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/** The address is outside the allowed mail domains, or has a tag where none is allowed; nothing was recorded or sent. */
public class AddressNotAllowed extends Refusal {

    private static final long serialVersionUID = 1L;

    public AddressNotAllowed(EmailAddress address) {
        this(address, TokenOutcome.DOMAIN_NOT_ALLOWED);
    }

    public AddressNotAllowed(EmailAddress address, TokenOutcome outcome) {
        super(ApiError.INVALID, "Email address not allowed: " + address.value(), outcome);
    }
}
