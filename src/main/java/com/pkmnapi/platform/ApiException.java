package com.pkmnapi.platform;

import jakarta.ws.rs.WebApplicationException;

/** A refusal whose status, error id and message the client sees as they are. */
public class ApiException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public ApiException(int status, String id, String message) {
        super(message, ErrorEnvelope.response(status, id, message).build());
    }
}
