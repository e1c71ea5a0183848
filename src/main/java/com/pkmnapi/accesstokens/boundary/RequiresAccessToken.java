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
 * <p>The token is taken from this server's cache where it was verified moments ago, which a
 * revocation on another server of a cluster reaches within {@code pkmnapi.revocation.delay.millis};
 * a resource that acts on what the token's owner holds (list, revoke, read events) asks for
 * {@link #fromDatabase()}, so that a token revoked anywhere can do nothing more there at once.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresAccessToken {

    /** Whether the token is looked up in the database on every request, never taken from the cache. */
    boolean fromDatabase() default false;
}
