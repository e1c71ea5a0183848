package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a request learns about the live token it carries: a snapshot, safe to keep and share. */
/**
 * @param name the name its owner gave it, or null
 */
public record VerifiedToken(String id, String emailAddress, String name, Instant created, Instant lastUsed,
        Instant expires) {

    static VerifiedToken of(AccessToken token) {
        return new VerifiedToken(token.id(), token.emailAddress(), token.name(), token.created(), token.lastUsed(),
                token.expires());
    }

    boolean isExpired(Instant now, Optional<Duration> maximumLifetime, Duration unusedLifetime) {
        return AccessToken.isExpired(created, expires, lastUsed, now, maximumLifetime, unusedLifetime);
    }

    boolean isUseDue(Instant now, Duration resolution) {
        return AccessToken.isUseDue(lastUsed, now, resolution);
    }

    VerifiedToken usedAt(Instant now) {
        return new VerifiedToken(id, emailAddress, name, created, now, expires);
    }
}
