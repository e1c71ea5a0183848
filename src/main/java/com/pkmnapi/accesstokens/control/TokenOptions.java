package com.pkmnapi.accesstokens.control;

import java.time.Duration;
import java.util.Optional;

/**
 * What the owner may choose about a new token: a name, a lifetime shorter than the service's, and
 * the services it is for (all optional: a request without them gets what a request got before they
 * existed).
 *
 * @param lifetime seconds from issuance to expiry, checked against the longest allowed by
 *        {@link TokenManager#issue}
 */
public record TokenOptions(Optional<TokenName> name, Optional<Duration> lifetime, Optional<TokenAudience> audience) {

    public static final TokenOptions NONE = new TokenOptions(Optional.empty(), Optional.empty(), Optional.empty());
}
