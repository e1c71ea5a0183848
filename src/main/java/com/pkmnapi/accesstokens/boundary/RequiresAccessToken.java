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
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresAccessToken {
}
