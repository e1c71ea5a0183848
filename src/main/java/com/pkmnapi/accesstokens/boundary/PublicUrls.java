package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

    public URI deletionConfirmation(UriInfo request, String emailAddress, String code) {
        return base(request).resolve(CONFIRMATION_PAGE + "?email_address=" + encode(emailAddress)
                + "&code=" + encode(code));
    }

    private URI base(UriInfo request) {
        return settings.publicBaseUrl().orElseGet(request::getBaseUri);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
