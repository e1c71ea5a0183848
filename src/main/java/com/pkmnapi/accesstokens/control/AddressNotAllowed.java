package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;
import jakarta.ejb.ApplicationException;

/** The address is outside the allowed mail domains; nothing was recorded or sent. */
@ApplicationException(rollback = true)
public class AddressNotAllowed extends Refusal {

    private static final long serialVersionUID = 1L;

    public AddressNotAllowed(EmailAddress address) {
        super(ApiError.INVALID, "Email address not allowed: " + address.value());
    }
}
