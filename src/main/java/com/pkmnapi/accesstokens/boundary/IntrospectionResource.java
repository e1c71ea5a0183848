package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.AccessTokenVerifier;
import com.pkmnapi.accesstokens.control.InvalidAccessToken;
import com.pkmnapi.accesstokens.control.Secrets;
import com.pkmnapi.accesstokens.control.TokenPolicy;
import com.pkmnapi.accesstokens.control.VerifiedToken;
import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.JsonObjects;
import com.pkmnapi.platform.RateLimits;
import com.pkmnapi.platform.RealmCallers;
import com.pkmnapi.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * OAuth 2.0 Token Introspection (RFC 7662), for gateways and frameworks that check opaque tokens
 * by the standard: {@code POST token=...} answers {@code {"active": true, ...}} for a live token
 * and exactly {@code {"active": false}} for anything else, with no hint why; a token bound to
 * services is active only when the client's name in the realm is one of them (and then says
 * which in {@code aud}). Its callers are
 * users in role {@value #ROLE} of the server's own security realm, by HTTP Basic
 * ({@link RealmCallers}); any other caller gets 401 with a Basic challenge, and counts towards its
 * address's failed checks. A live token's introspection is never limited and counts as a use of
 * the token; while the database cannot be reached, a token this server had not just verified is
 * answered 503, not inactive, so that a gateway does not log its users out for it.
 */
@Path("v1/introspect")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class IntrospectionResource {

    /** The role of the server's realm that may introspect. */
    public static final String ROLE = "pkmnapi-introspection";
    static final String CHALLENGE = "Basic realm=\"pkmnapi\", charset=\"UTF-8\"";
    static final String NOT_A_CLIENT = "Introspection needs the credentials of a client in role " + ROLE + " (HTTP Basic)";
    private static final String INACTIVE = "{\"active\":false}";

    @Inject
    RealmCallers callers;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    RateLimits limits;

    @Inject
    TokenPolicy policy;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response introspect(@Context HttpServletRequest request, @FormParam("token") String token) {
        Optional<String> client = callers.authenticate(request, ROLE);
        if (client.isEmpty()) {
            return limits.countFailedCheck()
                    .map(Refusal::response)
                    .orElseGet(() -> new Refusal(ApiError.UNAUTHORIZED, NOT_A_CLIENT).responseWith()
                            .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                            .build());
        }
        if (token == null || token.isEmpty()) {
            throw new Refusal(ApiError.BAD_REQUEST, "token must be set: the token to introspect, form-encoded");
        }
        String body;
        if (!Secrets.isWellFormedToken(token)) {
            body = INACTIVE;
        } else {
            try {
                VerifiedToken verified = verifier.verify(token, () -> false);
                // a token bound to services is active only for them: the client is the service
                body = verified.isFor(client.get()) ? active(verified).build().toString() : INACTIVE;
            } catch (InvalidAccessToken inactive) {
                body = INACTIVE;
            }
        }
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    private JsonObjectBuilder active(VerifiedToken token) {
        JsonObjectBuilder answer = JsonObjects.builder()
                .add("active", true)
                .add("token_type", "Bearer")
                .add("username", token.emailAddress())
                .add("sub", token.id())
                .add("iat", token.created().getEpochSecond());
        token.expiresAt(policy).ifPresent(expires -> answer.add("exp", expires.getEpochSecond()));
        if (token.name() != null) {
            answer.add("name", token.name());
        }
        if (token.isBound()) {
            answer.add("aud", JsonObjects.strings(token.audience()));
        }
        return answer;
    }
}
