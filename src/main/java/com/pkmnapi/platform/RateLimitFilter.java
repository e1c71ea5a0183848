package com.pkmnapi.platform;

import com.pkmnapi.audit.control.Audit;
import com.pkmnapi.audit.control.AuditKind;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The per-client limit on {@link RateLimited} endpoints: past {@code pkmnapi.rate.limit.requests}
 * in {@code pkmnapi.rate.limit.window.seconds}, a 429 with {@code Retry-After}. Runs before the
 * body is read and before any other check, so that refused requests count too. Each 429 is an
 * audit event of the endpoint's refusal kind.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Inject
    Audit audit;

    @Override
    public void filter(ContainerRequestContext request) {
        limits.countMailRequest().ifPresent(refusal -> {
            // the body is not read: the event has no address
            audit.record(refusedKind(request), "rate_limited", null, null);
            request.abortWith(refusal);
        });
    }

    /** The refusal's kind by endpoint: a token request, a deletion request, or a deletion code. */
    private static AuditKind refusedKind(ContainerRequestContext request) {
        if (HttpMethod.DELETE.equals(request.getMethod())) {
            return AuditKind.DELETION_CODE_REFUSED;
        }
        return request.getUriInfo().getPath().endsWith("delete") ? AuditKind.DELETION_REQUEST_REFUSED : AuditKind.TOKEN_REQUEST_REFUSED;
    }
}
