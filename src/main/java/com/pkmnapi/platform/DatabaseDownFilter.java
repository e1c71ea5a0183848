package com.pkmnapi.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a {@link NeedsDatabase} request 503 while the database is known to be down
 * ({@link DatabaseHealth#isDown()}): after authentication, which answers from the cache where it
 * may, before the request body is read or the pool is asked for a connection it cannot make. So
 * an outage costs neither the client a wait nor the log the pool's warnings per request.
 */
@Provider
@NeedsDatabase
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class DatabaseDownFilter implements ContainerRequestFilter {

    @Inject
    DatabaseHealth database;

    @Override
    public void filter(ContainerRequestContext request) {
        if (database.isDown()) {
            database.refused();
            request.abortWith(new DatabaseUnavailable().response());
        }
    }
}
