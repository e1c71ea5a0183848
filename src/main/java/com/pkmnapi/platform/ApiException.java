package com.pkmnapi.platform;

import jakarta.ws.rs.WebApplicationException;

/**
 * A {@link Refusal} carried where only a {@link WebApplicationException} passes through the
 * runtime as it is (a message body reader), with the refusal's own response.
 */
public class ApiException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    ApiException(Refusal refusal) {
        super(refusal.getMessage(), refusal, refusal.response());
    }
}
