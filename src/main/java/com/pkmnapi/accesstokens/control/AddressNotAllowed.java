package com.pkmnapi.accesstokens.control;

import jakarta.ejb.ApplicationException;

/** The address is outside the allowed mail domains; nothing was recorded or sent. */
@ApplicationException(rollback = true)
public class AddressNotAllowed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String value;

    public AddressNotAllowed(EmailAddress address) {
        super("Email address not allowed");
        this.value = address.value();
    }

    /** The address as it was given. */
    public String value() {
        return value;
    }
}
