package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** See {@link RefuseAuthorization}. Runs before the body is read. */
@Provider
@RefuseAuthorization
@Priority(Priorities.AUTHORIZATION)
public class RefuseAuthorizationFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            request.abortWith(new Refusal(ApiError.FORBIDDEN, "Authorization header must not be set").response());
        }
    }
}
