package com.pkmnapi.accesstokens.control;

/** The address is not one the service will mail to (see {@link EmailAddress}). */
public class InvalidEmailAddress extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String value;

    public InvalidEmailAddress(String value) {
        super("Invalid email address");
        this.value = value;
    }

    /** The address as it was given. */
    public String value() {
        return value;
    }
}
