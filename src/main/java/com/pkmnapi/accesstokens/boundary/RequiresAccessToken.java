package com.pkmnapi.accesstokens.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource (class or method) that only a live access token may call, sent as
 * {@code Authorization: Bearer <token>}. The caller's token is then the
 * {@link jakarta.ws.rs.core.SecurityContext#getUserPrincipal() user principal}, an
 * {@link AccessTokenPrincipal}. Any feature of the WAR can protect its resources this way.
 *
 * <p>What the token may do there is the resource's {@link Use}: a service's check by default.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresAccessToken {

    /** What the token is used for here. */
    Use value() default Use.SERVICE;

    /** What a resource lets a token do, and so how it is checked. */
    enum Use {
        /**
         * A service checks it: taken from this server's cache where it was verified moments ago
         * (a revocation on another server reaches the cache within
         * {@code pkmnapi.revocation.delay.millis}); a token bound to services only where the
         * request names one of them in its query parameter {@code audience}.
         */
        SERVICE,
        /** The token acts on itself (revokes itself): any live token, bound or not. */
        ITSELF,
        /**
         * The token acts for its address (lists its tokens, revokes them, reads their events):
         * looked up in the database on every request, so that a token revoked anywhere can do
         * nothing more at once, and only a token for every service: one bound to services is
         * refused with 403.
         */
        OWNER
    }
}
