package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;

/** The address is not one the service will mail to (see {@link EmailAddress}). */
public class InvalidEmailAddress extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String value;

    public InvalidEmailAddress(String value) {
        super(ApiError.INVALID, "Invalid email address: " + value);
        this.value = value;
    }

    /** The address as it was given. */
    public String value() {
        return value;
    }
}
