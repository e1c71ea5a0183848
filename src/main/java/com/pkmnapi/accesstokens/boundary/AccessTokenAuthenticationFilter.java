package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.InvalidAccessToken;
import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.accesstokens.control.AccessTokenVerifier;
import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.ErrorEnvelope;
import com.pkmnapi.platform.RateLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Locale;

/**
 * Bearer authentication (RFC 6750) for {@link RequiresAccessToken} resources. A token that fails
 * the format and checksum check is refused before any database work. Every refusal is a 401 in
 * the JSON envelope with a {@code WWW-Authenticate: Bearer} challenge, which names
 * {@code invalid_token} where a token was given. Refusals count toward the client's limit of
 * failed checks, past which the answer is a 429 instead; a live token is never counted or refused
 * for its client, so a gateway that checks the tokens of all its users from one address is never
 * held up by the limit.
 */
@Provider
@RequiresAccessToken
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AccessTokenAuthenticationFilter implements ContainerRequestFilter {

    private static final String REALM = "Bearer realm=\"pkmnapi\"";
    private static final String SCHEME = "bearer ";

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    RateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            refuse(request, REALM, "Authorization header must be set");
            return;
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            refuse(request, REALM, "Authorization header must be: Bearer <access token>");
            return;
        }
        String token = authorization.substring(SCHEME.length()).strip();
        if (!Secrets.isWellFormedToken(token)) {
            refuseToken(request, "Malformed access token");
            return;
        }
        try {
            AccessTokenPrincipal principal = AccessTokenPrincipal.of(verifier.verify(token));
            request.setSecurityContext(new TokenSecurityContext(principal, request.getSecurityContext().isSecure()));
        } catch (InvalidAccessToken refusal) {
            refuseToken(request, refusal.getMessage());
        }
    }

    private void refuseToken(ContainerRequestContext request, String reason) {
        refuse(request, REALM + ", error=\"invalid_token\", error_description=\"" + reason + "\"", reason);
    }

    private void refuse(ContainerRequestContext request, String challenge, String message) {
        request.abortWith(limits.countFailedCheck().orElseGet(() -> ErrorEnvelope.response(ApiError.UNAUTHORIZED, message)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build()));
    }

    private record TokenSecurityContext(AccessTokenPrincipal principal, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
