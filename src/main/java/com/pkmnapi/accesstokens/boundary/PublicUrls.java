package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The addresses the service hands out: in the {@code Location} header and in the deletion mail's
 * link. They start at the setting {@code pkmnapi.public.base.url} where it is set (a service behind
 * a proxy does not know its public address), else at the base of the request.
 */
@ApplicationScoped
public class PublicUrls {

    static final String CONFIRMATION_PAGE = "actions/delete-user";

    @Inject
    Settings settings;

    public URI accessTokens(UriInfo request) {
        return base(request).resolve("v1/access_tokens");
    }

    /** The confirmation page, without the address and code that the mail's link adds. */
    public URI deletionConfirmation(UriInfo request) {
        return base(request).resolve(CONFIRMATION_PAGE);
    }

    private URI base(UriInfo request) {
        return settings.publicBaseUrl().orElseGet(request::getBaseUri);
    }
}
