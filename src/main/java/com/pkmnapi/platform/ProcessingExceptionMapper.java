package com.pkmnapi.platform;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request the runtime could not turn into the method's parameters (Jersey wraps a body reader's
 * failure in a {@link ProcessingException}): the client's fault, not a 500.
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(ProcessingExceptionMapper.class.getName());

    @Override
    public Response toResponse(ProcessingException exception) {
        LOG.log(Level.FINE, "Request could not be read", exception);
        return new Refusal(ApiError.BAD_REQUEST, ApiError.BODY_UNREADABLE).response();
    }
}
