package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever nothing else handled. Where the database is out of reach ({@link DatabaseHealth}), a
 * 503 that asks the client to try again, counted into one warning a minute; otherwise a generic
 * 500 for the client, the detail in the server log only, under an incident id the client is given
 * so the two can be matched.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    DatabaseHealth database;

    @Override
    public Response toResponse(Throwable exception) {
        if (database.explains(exception)) {
            database.refused();
            return new DatabaseUnavailable().response();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return ErrorEnvelope.response(ApiError.INTERNAL,
                "Internal server error (incident " + incident + ")").build();
    }
}
