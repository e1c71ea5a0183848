package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.TokenManager;
import com.pkmnapi.platform.JsonObjects;
import com.pkmnapi.platform.NeedsDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The token a request carries: {@code GET} tells a service whose token it is and whether it is
 * live (this is how other intranet services check a token, directly or through a gateway's
 * sub-request; {@code ?audience=wiki} names the service that asks, for tokens bound to services),
 * {@code DELETE} revokes just this one, bound or not.
 */
@Path("v1/access_tokens/current")
@ApplicationScoped
@RequiresAccessToken
@Produces(MediaType.APPLICATION_JSON)
public class CurrentAccessTokenResource {

    /** The owner's address, for a gateway to pass on to the service behind it. */
    public static final String EMAIL_HEADER = "X-Pkmnapi-Email";
    /** The token's public id, for a gateway to pass on to the service behind it. */
    public static final String TOKEN_ID_HEADER = "X-Pkmnapi-Token-Id";

    @Inject
    TokenManager tokens;

    /** The token, in the body and, for a gateway that only reads headers, in two headers. */
    @GET
    public Response describe(@Context SecurityContext security) {
        AccessTokenPrincipal token = (AccessTokenPrincipal) security.getUserPrincipal();
        String body = JsonObjects.builder()
                .add("data", TokenJson.of(token.id(), token.emailAddress(), token.name(), token.created(),
                        token.lastUsed(), token.expires(), token.audience(), true))
                .build()
                .toString();
        return Response.ok(body)
                .header(EMAIL_HEADER, token.emailAddress())
                .header(TOKEN_ID_HEADER, token.id())
                .build();
    }

    @DELETE
    @NeedsDatabase
    @RequiresAccessToken(RequiresAccessToken.Use.ITSELF)
    public Response revoke(@Context SecurityContext security) {
        tokens.revoke(((AccessTokenPrincipal) security.getUserPrincipal()).id());
        return Response.noContent().build();
    }
}
