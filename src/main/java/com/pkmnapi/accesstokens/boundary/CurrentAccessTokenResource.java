package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.TokenManager;
import com.pkmnapi.platform.JsonObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The token a request carries: {@code GET} tells a service whose token it is and whether it is
 * live (this is how other intranet services check a token), {@code DELETE} revokes just this one.
 */
@Path("v1/access_tokens/current")
@ApplicationScoped
@RequiresAccessToken
@Produces(MediaType.APPLICATION_JSON)
public class CurrentAccessTokenResource {

    @Inject
    TokenManager tokens;

    @GET
    public String describe(@Context SecurityContext security) {
        AccessTokenPrincipal token = (AccessTokenPrincipal) security.getUserPrincipal();
        JsonObjectBuilder attributes = JsonObjects.builder().add("email_address", token.emailAddress());
        time(attributes, "date_create", token.created());
        time(attributes, "date_last_used", token.lastUsed());
        time(attributes, "date_expire", token.expires());
        return JsonObjects.builder()
                .add("data", JsonObjects.builder()
                        .add("id", token.id())
                        .add("type", AccessTokenRequest.TYPE)
                        .add("attributes", attributes))
                .build()
                .toString();
    }

    @DELETE
    public Response revoke(@Context SecurityContext security) {
        tokens.revoke(((AccessTokenPrincipal) security.getUserPrincipal()).id());
        return Response.noContent().build();
    }

    /** RFC 3339 in UTC, to the second; JSON null where there is no such time. */
    private static void time(JsonObjectBuilder attributes, String name, Instant instant) {
        if (instant == null) {
            attributes.addNull(name);
        } else {
            attributes.add(name, DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
        }
    }
}
