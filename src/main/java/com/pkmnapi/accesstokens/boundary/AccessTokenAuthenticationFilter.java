package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.InvalidAccessToken;
import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.accesstokens.control.AccessTokenVerifier;
import com.pkmnapi.accesstokens.control.TokenOutcome;
import com.pkmnapi.accesstokens.control.VerifiedToken;
import com.pkmnapi.audit.control.Audit;
import com.pkmnapi.audit.control.AuditOutcome;
import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Outcome;
import com.pkmnapi.platform.Metrics;
import com.pkmnapi.platform.RateLimits;
import com.pkmnapi.platform.Refusal;
import io.micrometer.core.instrument.Counter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer authentication (RFC 6750) for {@link RequiresAccessToken} resources. A token that fails
 * the format and checksum check is refused before any database work. Every refusal is a 401 in
 * the JSON envelope with a {@code WWW-Authenticate: Bearer} challenge, which names
 * {@code invalid_token} where a token was given. Refusals count toward the client's limit of
 * failed checks, past which the answer is a 429 instead; a live token is never counted or refused
 * for its client, so a gateway that checks the tokens of all its users from one address is never
 * held up by the limit. Past the limit, a token that is not cached and cannot be a stored one (by
 * {@link com.pkmnapi.accesstokens.control.LiveDigests}) is refused without a database query: a
 * flood of forged tokens does not reach the database. Each refusal is counted in the {@link Audit} trail by its reason
 * ({@code missing}, {@code malformed}, {@code invalid}, {@code expired}, or {@code rate_limited}
 * where the 429 is answered). What a live token may do is the resource's
 * {@link RequiresAccessToken.Use}: a service's check takes a bound token only where the request's
 * {@code audience} names one of its services ({@code 401}, {@code Access token not for this
 * service}, otherwise), the owner's endpoints look the token up in the database and refuse a
 * bound one with {@code 403}.
 */
@Provider
@RequiresAccessToken
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AccessTokenAuthenticationFilter implements ContainerRequestFilter {

    private static final String REALM = "Bearer realm=\"pkmnapi\"";
    private static final String SCHEME = "bearer ";
    /** The query parameter by which a service's check names the service. */
    static final String AUDIENCE = "audience";
    static final String NOT_FOR_THIS_SERVICE = "Access token not for this service";
    static final String BOUND_TO_SERVICES = "This token is for named services only; the address's tokens are managed with a"
            + " token for every service";

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    RateLimits limits;

    @Inject
    Audit audit;

    @Inject
    Metrics metrics;

    @Context
    ResourceInfo resource;

    /** What each resource method lets a token do, worked out once per method. */
    private final Map<Method, RequiresAccessToken.Use> uses = new ConcurrentHashMap<>();

    /** The counters by outcome (a handful), so that a check costs no registry look-up. */
    private final Map<Outcome, Counter> checks = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            refuse(request, REALM, "Authorization header must be set", TokenOutcome.MISSING);
            return;
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            refuse(request, REALM, "Authorization header must be: Bearer <access token>", TokenOutcome.MALFORMED);
            return;
        }
        String token = authorization.substring(SCHEME.length()).strip();
        if (!Secrets.isWellFormedToken(token)) {
            refuseToken(request, new InvalidAccessToken("Malformed access token", TokenOutcome.MALFORMED));
            return;
        }
        RequiresAccessToken.Use use = use();
        try {
            VerifiedToken verified = use == RequiresAccessToken.Use.OWNER
                    ? verifier.verifyInDatabase(token, limits::isOverFailedChecks)
                    : verifier.verify(token, limits::isOverFailedChecks);
            if (use == RequiresAccessToken.Use.SERVICE
                    && !verified.isFor(request.getUriInfo().getQueryParameters().getFirst(AUDIENCE))) {
                throw new InvalidAccessToken(NOT_FOR_THIS_SERVICE, TokenOutcome.INVALID);
            }
            if (use == RequiresAccessToken.Use.OWNER && verified.isBound()) {
                countCheck(Checked.BOUND);
                request.abortWith(new Refusal(ApiError.FORBIDDEN, BOUND_TO_SERVICES).response());
                return;
            }
            AccessTokenPrincipal principal = AccessTokenPrincipal.of(verified);
            request.setSecurityContext(new TokenSecurityContext(principal, request.getSecurityContext().isSecure()));
            countCheck(Checked.VALID);
        } catch (InvalidAccessToken refusal) {
            refuseToken(request, refusal);
        }
    }

    /** The matched method's use, else its class's: a service's check where neither says. */
    private RequiresAccessToken.Use use() {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return RequiresAccessToken.Use.SERVICE;
        }
        return uses.computeIfAbsent(method, matched -> {
            RequiresAccessToken onMethod = matched.getAnnotation(RequiresAccessToken.class);
            RequiresAccessToken onClass = resource.getResourceClass().getAnnotation(RequiresAccessToken.class);
            RequiresAccessToken binding = onMethod != null ? onMethod : onClass;
            return binding == null ? RequiresAccessToken.Use.SERVICE : binding.value();
        });
    }

    private void refuseToken(ContainerRequestContext request, InvalidAccessToken refusal) {
        refuse(request, REALM + ", error=\"invalid_token\", error_description=\"" + refusal.getMessage() + "\"", refusal);
    }

    private void refuse(ContainerRequestContext request, String challenge, String message, TokenOutcome outcome) {
        refuse(request, challenge, new Refusal(ApiError.UNAUTHORIZED, message, outcome));
    }

    /** The 401 with its challenge, or the 429 where the client is past its failed checks. */
    private void refuse(ContainerRequestContext request, String challenge, Refusal refusal) {
        Optional<Refusal> limited = limits.countFailedCheck();
        Outcome outcome = limited.isPresent() ? AuditOutcome.RATE_LIMITED : refusal.outcome();
        audit.failedCheck(outcome);
        countCheck(outcome);
        request.abortWith(limited.map(Refusal::response).orElseGet(() -> refusal.responseWith()
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build()));
    }

    /** {@code pkmnapi_token_checks_total{outcome}}: {@code valid} or the audit trail's reason. */
    private void countCheck(Outcome outcome) {
        checks.computeIfAbsent(outcome, counted -> metrics.registry().counter("pkmnapi.token.checks", "outcome", counted.id()))
                .increment();
    }

    /** The outcome of a check that passed, for the meter only. */
    private enum Checked implements Outcome {
        VALID,
        /** A live token bound to services, at an owner's endpoint. */
        BOUND
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
