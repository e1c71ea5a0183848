package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.platform.ApiError;
import com.pkmnapi.platform.Refusal;
import com.pkmnapi.platform.ConfigValues;
import com.pkmnapi.platform.EdgeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses the service hands out: in the {@code Location} header and in the deletion mail's
 * link. No request header decides their host: Host, X-Forwarded-Host and Forwarded are the
 * client's to choose, and a link built from them would mail a victim's code to an attacker's host.
 * They start at the setting {@code pkmnapi.public.base.url}. Where it is not set, only a request
 * to a loopback name gets links (the development run, or a reverse proxy on the same machine);
 * for any other host {@code Location} is relative and a deletion mail cannot be made.
 */
@ApplicationScoped
public class PublicUrls {

    static final String CONFIRMATION_PAGE = "actions/delete-user";
    private static final String ACCESS_TOKENS = "v1/access_tokens";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    @Inject
    EdgeSettings edge;

    /** Absolute from the public base; else relative, so that the client's Host goes into no header. */
    public URI accessTokens(UriInfo request) {
        return base(request).map(base -> base.resolve(ACCESS_TOKENS))
                .orElseGet(() -> URI.create(request.getBaseUri().getRawPath() + ACCESS_TOKENS));
    }

    /** The owner's audit events, as {@link #accessTokens} is made. */
    public URI events(UriInfo request) {
        return URI.create(accessTokens(request) + "/events");
    }

    /**
     * The confirmation page, without the address and code that the mail's link adds.
     *
     * @throws PublicBaseUrlMissing where the setting is unset and the request names another host
     */
    public URI deletionConfirmation(UriInfo request) {
        return base(request).orElseThrow(PublicBaseUrlMissing::new).resolve(CONFIRMATION_PAGE);
    }

    private Optional<URI> base(UriInfo request) {
        Optional<URI> configured = edge.publicBaseUrl();
        if (configured.isPresent()) {
            return configured;
        }
        URI requested = request.getBaseUri();
        String host = requested.getHost();
        if (host == null || !LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        // made anew from its parts: nothing else of the Host header (user info, say) comes along
        String port = requested.getPort() == -1 ? "" : ":" + requested.getPort();
        return Optional.of(URI.create(requested.getScheme() + "://" + host.toLowerCase(Locale.ROOT) + port
                + requested.getRawPath()));
    }

    /** Links cannot be made: the request names a host that is not to be trusted, and none is set. */
    static class PublicBaseUrlMissing extends Refusal {

        private static final long serialVersionUID = 1L;

        PublicBaseUrlMissing() {
            super(ApiError.SERVICE_UNAVAILABLE, "The service's public address is not set: set "
                    + ConfigValues.describe(EdgeSettings.PUBLIC_BASE_URL));
        }
    }
}
