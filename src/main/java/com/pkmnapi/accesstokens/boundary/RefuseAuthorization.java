package com.pkmnapi.accesstokens.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks endpoints that must be called without credentials (asking for, or deleting, tokens by
 * mail): a request that carries an {@code Authorization} header is refused with 403.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RefuseAuthorization {
}
