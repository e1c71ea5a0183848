package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.VerifiedToken;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

/**
 * The access token a request was authenticated with, as it was when the request came in.
 *
 * @param emailAddress the owner's address, normalized
 * @param name the name its owner gave it, or null
 * @param audience the services it is for; empty for every service
 */
public record AccessTokenPrincipal(String id, String emailAddress, String name, Instant created, Instant lastUsed,
        Instant expires, List<String> audience) implements Principal {

    static AccessTokenPrincipal of(VerifiedToken token) {
        return new AccessTokenPrincipal(token.id(), token.emailAddress(), token.name(), token.created(),
                token.lastUsed(), token.expires(), token.audience());
    }

    /** The owner's address: who is calling. */
    @Override
    public String getName() {
        return emailAddress;
    }
}
