package com.pkmnapi.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@link Refusal} to its response: the catalogue's status and id, the case's message, and
 * {@code Retry-After} where waiting helps (set here only). A refusal for a fault of the service's own (5xx) has
 * its cause logged as a warning; the client's refusals are not worth one.
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    private static final Logger LOG = Logger.getLogger(RefusalMapper.class.getName());

    @Override
    public Response toResponse(Refusal refusal) {
        if (refusal.error().status() >= 500 && refusal.getCause() != null) {
            LOG.warning(refusal::detail);
        } else {
            LOG.log(Level.FINE, "Refused: {0}", refusal.error().id());
        }
        return response(refusal).build();
    }

    /** The one mapping of a refusal to its response, thrown or answered by a filter. */
    static Response.ResponseBuilder response(Refusal refusal) {
        Response.ResponseBuilder response = ErrorEnvelope.response(refusal.error(), refusal.getMessage());
        refusal.retryAfter().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response;
    }
}
