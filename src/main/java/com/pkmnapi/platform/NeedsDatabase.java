package com.pkmnapi.platform;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks endpoints that cannot answer without the database: while it is known to be out of reach
 * they are answered 503 at once ({@link DatabaseDownFilter}), without a trip to the pool. The token
 * check itself is not marked: it answers from the cache where it may (see the access-token verifier).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NeedsDatabase {
}
