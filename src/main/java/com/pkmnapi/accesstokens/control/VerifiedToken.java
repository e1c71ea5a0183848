package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a request learns about the live token it carries: a snapshot, safe to keep and share.
 *
 * @param name the name its owner gave it, or null
 * @param audience the services it is for ({@link TokenAudience}); empty for every service
 */
public record VerifiedToken(String id, String emailAddress, String name, Instant created, Instant lastUsed,
        Instant expires, List<String> audience) {

    public VerifiedToken {
        audience = List.copyOf(audience);
    }

    /** A token for every service. */
    public VerifiedToken(String id, String emailAddress, String name, Instant created, Instant lastUsed, Instant expires) {
        this(id, emailAddress, name, created, lastUsed, expires, List.of());
    }

    static VerifiedToken of(AccessToken token) {
        return new VerifiedToken(token.id(), token.emailAddress(), token.name(), token.created(), token.lastUsed(),
                token.expires(), TokenAudience.fromStored(token.audience()));
    }

    /** Whether it is bound to services, and so good only where one of them asks. */
    public boolean isBound() {
        return !audience.isEmpty();
    }

    /** Whether the service may accept it: any service a token without audience, else one of its own. */
    public boolean isFor(String service) {
        return !isBound() || service != null && audience.contains(service);
    }

    boolean isExpired(Instant now, Optional<Duration> maximumLifetime, Duration unusedLifetime) {
        return AccessToken.isExpired(created, expires, lastUsed, now, maximumLifetime, unusedLifetime);
    }

    /**
     * When it stops working unless revoked first: the earliest of the time its owner asked for,
     * the longest lifetime from its issue and, while it was never used, the unused lifetime.
     */
    public Optional<Instant> expiresAt(TokenPolicy policy) {
        Instant earliest = expires;
        if (lastUsed == null) {
            earliest = earlier(earliest, created.plus(policy.unusedLifetime()));
        }
        if (policy.tokenLifetime().isPresent()) {
            earliest = earlier(earliest, created.plus(policy.tokenLifetime().get()));
        }
        return Optional.ofNullable(earliest);
    }

    private static Instant earlier(Instant one, Instant other) {
        return one == null || other.isBefore(one) ? other : one;
    }

    boolean isUseDue(Instant now, Duration resolution) {
        return AccessToken.isUseDue(lastUsed, now, resolution);
    }

    VerifiedToken usedAt(Instant now) {
        return new VerifiedToken(id, emailAddress, name, created, now, expires, audience);
    }
}
