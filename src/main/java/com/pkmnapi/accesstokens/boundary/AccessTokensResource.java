package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.EmailAddress;
import com.pkmnapi.accesstokens.control.InvalidDeletionCode;
import com.pkmnapi.accesstokens.control.TokenManager;
import com.pkmnapi.accesstokens.control.TokenSummary;
import com.pkmnapi.audit.control.Audit;
import com.pkmnapi.audit.control.AuditKind;
import com.pkmnapi.audit.control.AuditOutcome;
import com.pkmnapi.audit.entity.AuditEvent;
import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.JsonObjects;
import com.pkmnapi.platform.NeedsDatabase;
import com.pkmnapi.platform.RateLimited;
import com.pkmnapi.platform.RateLimits;
import com.pkmnapi.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The collection of access tokens. The three endpoints of the seed, called without credentials:
 * ask for a token, ask for a deletion code, delete with the code; each sends a mail or tries a
 * code, so each counts toward the client's rate limit. And the owner's own, called with a token
 * of the address: list its live tokens, revoke one by its id, read its audit events. Each refusal is an exception that
 * its mapper turns into the JSON error.
 */
@Path("v1/access_tokens")
@ApplicationScoped
@NeedsDatabase
@Produces(MediaType.APPLICATION_JSON)
public class AccessTokensResource {

    private static final String EMPTY_OBJECT = "{}";
    static final int DEFAULT_EVENTS = 20;
    static final int MOST_EVENTS = 100;
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    @Inject
    TokenManager tokens;

    @Inject
    RateLimits limits;

    @Inject
    PublicUrls urls;

    @Inject
    Audit audit;

    /** Optional attributes: {@code name} and {@code expires_in} (see {@link AccessTokenRequest}). */
    @POST
    @RateLimited(refusal = "token_request_refused")
    @RefuseAuthorization
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(AccessTokenRequest request, @Context UriInfo uriInfo) {
        AccessTokenRequest checked = required(request);
        tokens.issue(checked.emailAddress(), checked.tokenOptions());
        return created(uriInfo);
    }

    @POST
    @Path("delete")
    @RateLimited(refusal = "deletion_request_refused")
    @RefuseAuthorization
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestDeletion(AccessTokenRequest request, @Context UriInfo uriInfo) {
        EmailAddress address = required(request).emailAddress();
        tokens.requestDeletion(address, urls.deletionConfirmation(uriInfo));
        return created(uriInfo);
    }

    /** Guessing codes is stopped per client: past the wrong codes it may send, 429 without a try. */
    @DELETE
    @RateLimited(refusal = "deletion_code_refused")
    @RefuseAuthorization
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revokeAll(AccessTokenRequest request) {
        AccessTokenRequest checked = required(request);
        Optional<Refusal> refusal = limits.wrongCodeRefusal();
        if (refusal.isPresent()) {
            audit.refused(AuditKind.DELETION_CODE_REFUSED, AuditOutcome.RATE_LIMITED, checked.emailAddress().normalized());
            throw refusal.get();
        }
        try {
            tokens.revokeAll(checked.emailAddress(), checked.code());
        } catch (InvalidDeletionCode wrong) {
            limits.countWrongCode();
            throw wrong;
        }
        return Response.noContent().build();
    }

    /** The live tokens of the calling token's address, newest first; the calling one is marked. */
    @GET
    @RequiresAccessToken(RequiresAccessToken.Use.OWNER)
    public String list(@Context SecurityContext security) {
        AccessTokenPrincipal caller = (AccessTokenPrincipal) security.getUserPrincipal();
        JsonArrayBuilder data = JsonObjects.arrayBuilder();
        for (TokenSummary token : tokens.liveTokens(caller.emailAddress())) {
            data.add(TokenJson.of(token.id(), caller.emailAddress(), token.name(), token.created(), token.lastUsed(),
                    token.expires(), token.audience(), token.id().equals(caller.id())));
        }
        return JsonObjects.builder().add("data", data).build().toString();
    }

    /**
     * Revokes one token of the calling token's address. An id that the address does not hold,
     * whether unknown or another address's, is a 404 alike.
     */
    @DELETE
    @Path("{id}")
    @RequiresAccessToken(RequiresAccessToken.Use.OWNER)
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) {
        if (!tokens.revokeOwn(id, ((AccessTokenPrincipal) security.getUserPrincipal()).emailAddress())) {
            throw new Refusal(ApiError.NOT_FOUND, "No such access token of this address");
        }
        return Response.noContent().build();
    }

    /**
     * The audit events of the calling token's address, newest first, {@code limit} a page (1 to
     * 100, 20 if not given); {@code before} continues after the last event of a page, as the
     * {@code next} link says.
     */
    @GET
    @Path("events")
    @RequiresAccessToken(RequiresAccessToken.Use.OWNER)
    public String events(@QueryParam("limit") String limit, @QueryParam("before") String before,
            @Context SecurityContext security, @Context UriInfo uriInfo) {
        int pageSize = pageSize(limit);
        if (before != null && !EVENT_ID.matcher(before).matches()) {
            throw AccessTokenRequest.invalid("before must be the id of an event");
        }
        AccessTokenPrincipal caller = (AccessTokenPrincipal) security.getUserPrincipal();
        List<AuditEvent> events = audit.eventsOf(caller.emailAddress(), Optional.ofNullable(before), pageSize + 1);
        JsonArrayBuilder data = JsonObjects.arrayBuilder();
        events.stream().limit(pageSize).map(EventJson::of).forEach(data::add);
        JsonObjectBuilder links = JsonObjects.builder();
        if (events.size() > pageSize) {
            links.add("next", urls.events(uriInfo) + "?limit=" + pageSize + "&before=" + events.get(pageSize - 1).id());
        } else {
            links.addNull("next");
        }
        return JsonObjects.builder().add("data", data).add("links", links).build().toString();
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_EVENTS;
        }
        int size = WHOLE_NUMBER.matcher(limit).matches() ? Integer.parseInt(limit) : 0;
        if (size < 1 || size > MOST_EVENTS) {
            throw AccessTokenRequest.invalid("limit must be a whole number from 1 to " + MOST_EVENTS);
        }
        return size;
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
