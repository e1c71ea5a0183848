package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.EmailAddress;
import com.pkmnapi.accesstokens.control.TokenManager;
import com.pkmnapi.accesstokens.control.InvalidDeletionCode;
import com.pkmnapi.platform.RateLimited;
import com.pkmnapi.platform.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * The three endpoints of the seed: ask for a token, ask for a deletion code, delete with the code.
 * Each refusal is an exception that its mapper turns into the JSON error. Each request sends a
 * mail or tries a code, so each counts toward the client's rate limit.
 */
@Path("v1/access_tokens")
@ApplicationScoped
@RateLimited
@RefuseAuthorization
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccessTokensResource {

    private static final String EMPTY_OBJECT = "{}";

    @Inject
    TokenManager tokens;

    @Inject
    RateLimits limits;

    @Inject
    PublicUrls urls;

    @POST
    public Response issue(AccessTokenRequest request, @Context UriInfo uriInfo) {
        tokens.issue(required(request).emailAddress());
        return created(uriInfo);
    }

    @POST
    @Path("delete")
    public Response requestDeletion(AccessTokenRequest request, @Context UriInfo uriInfo) {
        EmailAddress address = required(request).emailAddress();
        tokens.requestDeletion(address, urls.deletionConfirmation(uriInfo));
        return created(uriInfo);
    }

    /** Guessing codes is stopped per client: past the wrong codes it may send, 429 without a try. */
    @DELETE
    public Response revokeAll(AccessTokenRequest request) {
        AccessTokenRequest checked = required(request);
        Optional<Response> refusal = limits.wrongCodeRefusal();
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            tokens.revokeAll(checked.emailAddress(), checked.code());
        } catch (InvalidDeletionCode wrong) {
            limits.countWrongCode();
            throw wrong;
        }
        return Response.noContent().build();
    }

    /** 201 with the collection's address; set as a header, so that a relative one stays relative. */
    private Response created(UriInfo uriInfo) {
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, urls.accessTokens(uriInfo).toString())
                .entity(EMPTY_OBJECT)
                .build();
    }

    /** Some runtimes hand an empty body to the method as null rather than to the reader. */
    private static AccessTokenRequest required(AccessTokenRequest request) {
        if (request == null) {
            throw AccessTokenRequest.invalid("Request body is required");
        }
        return request;
    }
}
