package com.pkmnapi.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The per-client limit on {@link RateLimited} endpoints: past {@code pkmnapi.rate.limit.requests}
 * in {@code pkmnapi.rate.limit.window.seconds}, a 429 with {@code Retry-After}. Runs before the
 * body is read and before any other check, so that refused requests count too. Each 429 is told
 * as a {@link RateLimitRefused} of the refusal the endpoint declares.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Inject
    Event<RateLimitRefused> refused;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        limits.countMailRequest().ifPresent(refusal -> {
            refused.fire(new RateLimitRefused(resource.getResourceMethod().getAnnotation(RateLimited.class).refusal()));
            request.abortWith(refusal.response());
        });
    }
}
