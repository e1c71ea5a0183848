package com.pkmnapi.accesstokens.control;

import jakarta.ejb.ApplicationException;

/**
 * The deletion code is wrong, used, expired or dead, or the address has none pending. No token was
 * deleted. The transaction commits: a wrong try must stay counted.
 */
@ApplicationException(rollback = false)
public class InvalidDeletionCode extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidDeletionCode() {
        super("Invalid or expired code");
    }
}
