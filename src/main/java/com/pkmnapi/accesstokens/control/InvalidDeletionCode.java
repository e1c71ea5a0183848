package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;
import jakarta.ejb.ApplicationException;

/**
 * The deletion code is wrong, used or expired, or the address has none pending. No token was
 * deleted. The transaction commits: an expired code found on the way is dropped.
 */
@ApplicationException(rollback = false)
public class InvalidDeletionCode extends Refusal {

    private static final long serialVersionUID = 1L;

    public InvalidDeletionCode() {
        super(ApiError.INVALID, "Invalid or expired code", TokenOutcome.WRONG_CODE);
    }
}
