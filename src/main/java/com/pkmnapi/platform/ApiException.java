package com.pkmnapi.platform;

import jakarta.ws.rs.WebApplicationException;

/**
 * A refusal raised where only a {@link WebApplicationException} passes through the runtime as it
 * is (a message body reader), with its response made from the catalogue.
 */
public class ApiException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public ApiException(ApiError error, String message) {
        super(message, ErrorEnvelope.response(error, message).build());
    }
}
