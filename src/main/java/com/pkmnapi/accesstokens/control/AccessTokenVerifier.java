package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Checks bearer tokens: the token that stands for a live access token, or a refusal. Looks tokens
 * up through the {@link TokenCache}, and records their use at most once per
 * {@code pkmnapi.last.used.resolution.seconds}, so that a busy token costs neither a query nor a
 * write on every request.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    @Inject
    TokenManager tokens;

    @Inject
    TokenCache cache;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /**
     * @param token a bearer token whose format and checksum the caller has checked
     * @throws InvalidAccessToken if it stands for no live token
     */
    public VerifiedToken verify(String token) {
        String digest = Secrets.digest(token);
        Instant now = clock.instant();
        VerifiedToken verified = cache.get(digest, now).orElseGet(() -> lookUp(digest, now));
        if (verified.isExpired(now, settings.tokenLifetime(), settings.tokenUnusedLifetime())) {
            cache.forget(digest);
            throw new InvalidAccessToken("Expired access token", "expired");
        }
        if (verified.isUseDue(now, settings.lastUsedResolution())) {
            tokens.recordUse(verified.id(), now, settings.lastUsedResolution());
            verified = verified.usedAt(now);
            cache.update(digest, verified);
        }
        return verified;
    }

    private VerifiedToken lookUp(String digest, Instant now) {
        long generation = cache.generation();
        VerifiedToken found = tokens.find(digest).orElseThrow(() -> new InvalidAccessToken("Invalid access token", "invalid"));
        cache.put(digest, found, now, generation);
        return found;
    }
}
