package com.pkmnapi.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/**
 * The client of the request being served, as the rate limits and the audit trail count it: the
 * peer's address, or the address a trusted proxy forwarded for (see {@link ClientAddress}). Worked
 * out once per request: a refused check asks for it twice.
 */
@ApplicationScoped
public class CurrentClient {

    @Inject
    EdgeSettings edge;

    @Inject
    HttpServletRequest request;

    private static final String ATTRIBUTE = CurrentClient.class.getName();

    public String address() {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        String address = ClientAddress.of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")),
                edge.trustedProxies());
        request.setAttribute(ATTRIBUTE, address);
        return address;
    }
}
